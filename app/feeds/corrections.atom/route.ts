import { withRoute } from "@/lib/public/route";
import { handleCorrectionsFeed } from "@/lib/public/feeds";

export const dynamic = "force-dynamic";

export const GET = withRoute((request: Request) => handleCorrectionsFeed(request));

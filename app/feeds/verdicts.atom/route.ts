import { withRoute } from "@/lib/public/route";
import { handleVerdictsFeed } from "@/lib/public/feeds";

export const dynamic = "force-dynamic";

export const GET = withRoute((request: Request) => handleVerdictsFeed(request));

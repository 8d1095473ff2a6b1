import { handleCorrectionsFeed } from "@/lib/public/feeds";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleCorrectionsFeed(request);

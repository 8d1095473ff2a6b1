import { withRoute } from "@/lib/public/route";
import { handleClaimReviewDataFeed } from "@/lib/public/feeds";
import { gzipFileResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => gzipFileResponse(await handleClaimReviewDataFeed(request), "claimreviews.datafeed.json.gz"));

import { withRoute } from "@/lib/public/route";
import { handleClaimReviewExport } from "@/lib/public/feeds";
import { gzipFileResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => gzipFileResponse(await handleClaimReviewExport(request), "claimreviews.jsonl.gz"));

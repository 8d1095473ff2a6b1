import { withRoute } from "@/lib/public/route";
import { handleClaimReviewExport } from "@/lib/public/feeds";

export const dynamic = "force-dynamic";

export const GET = withRoute((request: Request) => handleClaimReviewExport(request));

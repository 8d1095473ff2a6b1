import { withRoute } from "@/lib/public/route";
import { handleClaimReviewDataFeed } from "@/lib/public/feeds";

export const dynamic = "force-dynamic";

export const GET = withRoute((request: Request) => handleClaimReviewDataFeed(request));

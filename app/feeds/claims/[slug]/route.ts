import { handleClaimFeed } from "@/lib/public/follow-feeds";
import { withRoute } from "@/lib/public/route";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => handleClaimFeed(request, (await params).slug));

import { withRoute } from "@/lib/public/route";
import { handleGetClaim } from "@/lib/public/api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  handleGetClaim(request, (await params).slug),
);
export const OPTIONS = () => preflightResponse();

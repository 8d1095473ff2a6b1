import { withRoute } from "@/lib/public/route";
import { handleGetVersion } from "@/lib/public/log-api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request, { params }: { params: Promise<{ slug: string; version: string }> }) => {
  const { slug, version } = await params;
  return handleGetVersion(request, slug, version);
});
export const OPTIONS = () => preflightResponse();

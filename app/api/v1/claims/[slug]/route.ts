import { handleGetClaim } from "@/lib/public/api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleGetClaim(request, (await params).slug);
}
export const OPTIONS = () => preflightResponse();

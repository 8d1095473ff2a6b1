import { withRoute } from "@/lib/public/route";
import { handleGetPublicKey } from "@/lib/public/log-api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => handleGetPublicKey(request));
export const OPTIONS = () => preflightResponse();

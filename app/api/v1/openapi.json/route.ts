import { withRoute } from "@/lib/public/route";
import { handleOpenApi } from "@/lib/public/api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => handleOpenApi(request));
export const OPTIONS = () => preflightResponse();

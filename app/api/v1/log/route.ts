import { withRoute } from "@/lib/public/route";
import { handleGetLog } from "@/lib/public/log-api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(handleGetLog);
export const OPTIONS = () => preflightResponse();

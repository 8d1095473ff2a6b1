import { withRoute } from "@/lib/public/route";
import { handleGetHead } from "@/lib/public/log-api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute(() => handleGetHead());
export const OPTIONS = () => preflightResponse();

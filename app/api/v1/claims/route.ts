import { withRoute } from "@/lib/public/route";
import { handleListClaims } from "@/lib/public/api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute((request: Request) => handleListClaims(request));
export const OPTIONS = () => preflightResponse();

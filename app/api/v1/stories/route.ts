import { withRoute } from "@/lib/public/route";
import { handleListStories } from "@/lib/public/api";
import { preflightResponse } from "@/lib/public/http";

export const dynamic = "force-dynamic";

export const GET = withRoute((request: Request) => handleListStories(request));
export const OPTIONS = () => preflightResponse();

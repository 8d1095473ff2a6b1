import { currentSession } from "@/lib/auth/session";
import { handleSourceSearch } from "./handler";

export const dynamic = "force-dynamic";

/** The "cites" picker's search (handler.ts); the session comes from the cookie and is checked there. */
export async function GET(request: Request) {
  return handleSourceSearch(request, await currentSession());
}

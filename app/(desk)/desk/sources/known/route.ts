import { currentSession } from "@/lib/auth/session";
import { handleKnownSource } from "./handler";

export const dynamic = "force-dynamic";

/** The attach form's "known URL" lookup (handler.ts); the session comes from the cookie and is checked there. */
export async function GET(request: Request) {
  return handleKnownSource(request, await currentSession());
}

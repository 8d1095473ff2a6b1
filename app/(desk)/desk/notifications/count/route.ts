import { currentSession } from "@/lib/auth/session";
import { loadActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/data/notifications";

export const dynamic = "force-dynamic";

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" };

/**
 * GET /desk/notifications/count: the caller's unread count, polled by the header's badge
 * (components/notifications/unread-count.tsx; why polling: docs/architecture.md). One indexed count.
 */
export async function GET() {
  const actor = await loadActor(await getDb(), await currentSession());
  if (!actor) return new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Please sign in again: your session has ended." } }), { status: 401, headers: HEADERS });
  return new Response(JSON.stringify({ unread: await countUnreadNotifications(actor.id) }), { status: 200, headers: HEADERS });
}

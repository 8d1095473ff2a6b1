import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getSnapshotPage } from "@/lib/data/source-snapshots";
import { SNAPSHOT_CSP } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
}

/**
 * GET /desk/snapshots/:id/html: the kept page as it was fetched, for the desk only, under a CSP that
 * sandboxes it (a unique origin: no scripts, no forms, no cookies of ours) and lets it load nothing
 * but inline styles and data: images (proxy.ts sends the same policy for this path).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return text(401, "Please sign in again: your session has ended.");
  if (!can(actor.role, "desk.read")) return text(403, "Your role does not allow this (desk.read).");
  const { id } = await params;
  const snapshot = UUID.test(id) ? await getSnapshotPage(id) : null;
  if (!snapshot) return text(404, "No such snapshot.");
  return new Response(snapshot.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": SNAPSHOT_CSP,
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    },
  });
}

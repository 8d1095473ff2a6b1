import "server-only";
import type { Db } from "../db/client";

/** What an audit row is about, in words, with the desk page that shows it (null: no page). */
export type AuditSubject = { label: string; href: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type Loader = (db: Db, ids: string[]) => Promise<Array<[string, AuditSubject]>>;

// One query per entity type on a page of entries; a row whose record is gone keeps its raw id.
const LOADERS: Record<string, Loader> = {
  claim: async (db, ids) =>
    (await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, text: true } })).map((c) => [c.id, { label: `“${short(c.text)}”`, href: `/desk/claims/${c.slug}` }]),
  verdict: async (db, ids) =>
    (await db.verdict.findMany({ where: { id: { in: ids } }, select: { id: true, revision: true, claim: { select: { slug: true, text: true } } } })).map((v) => [
      v.id,
      { label: `verdict (revision ${v.revision}) on “${short(v.claim.text, 60)}”`, href: `/desk/claims/${v.claim.slug}` },
    ]),
  evidence: async (db, ids) =>
    (await db.evidence.findMany({ where: { id: { in: ids } }, select: { id: true, source: { select: { outlet: true } }, claim: { select: { slug: true, text: true } } } })).map((e) => [
      e.id,
      { label: `${e.source.outlet} on “${short(e.claim.text, 60)}”`, href: `/desk/claims/${e.claim.slug}` },
    ]),
  user: async (db, ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => [
      u.id,
      { label: `${u.name} (${u.email})`, href: `/desk/admin/users?q=${encodeURIComponent(u.email)}` },
    ]),
  claimant: async (db, ids) => (await db.claimant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, { label: c.name, href: "/desk/claimants" }]),
  document: async (db, ids) =>
    (await db.document.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((d) => [d.id, { label: short(d.title), href: `/desk/documents/${d.id}` }]),
  reader_request: async (db, ids) =>
    (await db.readerRequest.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true } })).map((r) => [r.id, { label: `request ${r.reference}`, href: `/desk/requests/${r.id}` }]),
  source: async (db, ids) =>
    (await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, outlet: true, title: true } })).map((s) => [s.id, { label: short(s.title ? `${s.outlet}: ${s.title}` : s.outlet), href: null }]),
  story: async (db, ids) => (await db.story.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((s) => [s.id, { label: s.title, href: null }]),
  counted_thing: async (db, ids) =>
    (await db.countedThing.findMany({ where: { id: { in: ids } }, select: { id: true, label: true } })).map((t) => [t.id, { label: `“${t.label}”`, href: "/desk/vocabulary" }]),
};

/** Names and links for the records a page of audit rows touches, keyed "type:id". */
export async function loadAuditSubjects(db: Db, rows: Array<{ entityType: string; entityId: string }>): Promise<Map<string, AuditSubject>> {
  const byType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!LOADERS[row.entityType] || !UUID.test(row.entityId)) continue;
    byType.set(row.entityType, (byType.get(row.entityType) ?? new Set()).add(row.entityId));
  }
  const loaded = await Promise.all([...byType].map(async ([type, ids]) => (await LOADERS[type]!(db, [...ids])).map(([id, subject]) => [`${type}:${id}`, subject] as const)));
  return new Map(loaded.flat());
}

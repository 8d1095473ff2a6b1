import pg from "pg";
import { pagePath, postAction, readActionManifest, type ActionEntry, type ActionReply } from "../test/http/support/client";

/*
 * The soak's writes: real Server Actions posted over HTTP the way the desk's forms post them
 * (test/http/support/client.ts), as the dataset's fact-checker. Each write names this run (`tag`)
 * in its text, so the rows it made can be counted afterwards, whatever earlier runs left behind.
 */

export type WriteKind = "create" | "evidence" | "status";

/** A claim this run created: the status it has after our last successful transition, and whether one is in flight. */
type PoolClaim = { id: string; slug: string; status: "NEW" | "RESEARCHING" | "VERDICT_DRAFTED"; busy: boolean };

export type WriteOutcome = { ok: boolean; status: number; detail?: string };

const NEXT_STATUS = { NEW: "RESEARCHING", RESEARCHING: "VERDICT_DRAFTED", VERDICT_DRAFTED: "RESEARCHING" } as const;

function findAction(manifest: ActionEntry[], name: string): ActionEntry {
  const entry = manifest.find((a) => a.name === name);
  if (!entry) throw new Error(`${name} is not in .next/server/server-reference-manifest.json: build the app first`);
  return entry;
}

/** The page a form posts from: the claim's desk page when the action is used there. */
function pageOf(entry: ActionEntry, params: Record<string, string>): string {
  const worker = entry.pages.find((p) => p.includes("claims/[slug]")) ?? entry.pages.find((p) => !p.includes("[")) ?? entry.pages[0]!;
  return pagePath(worker, params);
}

export class SoakWriter {
  private readonly create: ActionEntry;
  private readonly attach: ActionEntry;
  private readonly transition: ActionEntry;
  private readonly pool: PoolClaim[] = [];
  private sequence = 0;
  readonly succeeded: Record<WriteKind, number> = { create: 0, evidence: 0, status: 0 };

  constructor(
    private readonly options: { origin: string; cookie: string; tag: string; db: pg.Pool },
  ) {
    const manifest = readActionManifest();
    this.create = findAction(manifest, "createClaimAction");
    this.attach = findAction(manifest, "attachEvidenceAction");
    this.transition = findAction(manifest, "transitionClaimAction");
  }

  /** Runs one write of the given kind; evidence and status changes fall back to a create until a claim is free. */
  async write(kind: WriteKind): Promise<{ kind: WriteKind; outcome: WriteOutcome }> {
    const free = this.pool.filter((c) => !c.busy);
    if (kind !== "create" && free.length === 0) kind = "create";
    const n = ++this.sequence;
    const claim = free[(n * 7919) % Math.max(1, free.length)];
    if (kind === "create" || !claim) return { kind: "create", outcome: await this.createClaim(n) };
    claim.busy = true;
    try {
      return { kind, outcome: kind === "evidence" ? await this.attachEvidence(claim, n) : await this.changeStatus(claim) };
    } finally {
      claim.busy = false;
    }
  }

  private post(entry: ActionEntry, path: string, fields: Record<string, string>): Promise<ActionReply> {
    return postAction(this.options.origin, { id: entry.id, path, cookie: this.options.cookie, fields });
  }

  private async createClaim(n: number): Promise<WriteOutcome> {
    const reply = await this.post(this.create, pageOf(this.create, {}), {
      text: `Soak ${this.options.tag} claim ${n}: the ministry said ${n} new schools opened this year.`,
      claimant: "Soak Claimant",
      kind: "NUMERIC",
      // The similar-claims check would stop our near-identical texts; the desk's form sends this once a person has seen them.
      confirmDuplicate: "on",
    });
    // Success redirects to the new claim's desk page (x-action-redirect: /desk/claims/<slug>;push).
    const target = reply.redirect?.split(";")[0] ?? "";
    const slug = /^\/desk\/claims\/([^/?]+)/.exec(target)?.[1];
    if (!slug) return { ok: false, status: reply.status, detail: reply.result?.message ?? `no redirect (${reply.text.slice(0, 120)})` };
    const { rows } = await this.options.db.query<{ id: string }>(`SELECT "id" FROM "claims" WHERE "slug" = $1`, [decodeURIComponent(slug)]);
    if (!rows[0]) return { ok: false, status: reply.status, detail: `redirected to ${target} but no such claim` };
    this.pool.push({ id: rows[0].id, slug: decodeURIComponent(slug), status: "NEW", busy: false });
    this.succeeded.create++;
    return { ok: true, status: reply.status };
  }

  private async attachEvidence(claim: PoolClaim, n: number): Promise<WriteOutcome> {
    const reply = await this.post(this.attach, pageOf(this.attach, { slug: claim.slug }), {
      claimId: claim.id,
      url: `https://soak.example/${this.options.tag}/${n}`,
      outlet: "Soak Wire",
      type: "WIRE",
      language: "en",
      excerpt: `Soak ${this.options.tag} excerpt ${n}: ${n} schools opened, the ministry said.`,
      stance: "SUPPORTS",
    });
    if (reply.result?.ok !== true) return { ok: false, status: reply.status, detail: reply.result?.message ?? `no result (${reply.text.slice(0, 120)})` };
    this.succeeded.evidence++;
    return { ok: true, status: reply.status };
  }

  private async changeStatus(claim: PoolClaim): Promise<WriteOutcome> {
    const to = NEXT_STATUS[claim.status];
    const reply = await this.post(this.transition, pageOf(this.transition, { slug: claim.slug }), { id: claim.id, to });
    if (reply.result?.ok !== true) return { ok: false, status: reply.status, detail: reply.result?.message ?? `no result (${reply.text.slice(0, 120)})` };
    claim.status = to;
    this.succeeded.status++;
    return { ok: true, status: reply.status };
  }

  /**
   * Counts what the database holds from this run and compares it with the writes that answered
   * success: every success must be there (a write that timed out on our side may also have landed,
   * so the database may hold more).
   */
  async verify(userEmail: string): Promise<WriteCheck> {
    const db = this.options.db;
    const like = `Soak ${this.options.tag} %`;
    const claims = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "claims" c JOIN "users" u ON u."id" = c."created_by_id" WHERE u."email" = $1 AND c."text" LIKE $2`,
      [userEmail, like],
    );
    const evidence = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "evidence" e JOIN "users" u ON u."id" = e."created_by_id" WHERE u."email" = $1 AND e."excerpt" LIKE $2`,
      [userEmail, like],
    );
    const transitions = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "audit_log" a JOIN "users" u ON u."id" = a."actor_id" JOIN "claims" c ON c."id"::text = a."entity_id"
       WHERE u."email" = $1 AND a."action" = 'claim.transition' AND c."text" LIKE $2`,
      [userEmail, like],
    );
    // The status each claim has in the database must be the one our last successful transition left.
    const statuses = await db.query<{ id: string; status: string }>(`SELECT "id", "status"::text AS status FROM "claims" WHERE "id" = ANY($1::uuid[])`, [this.pool.map((c) => c.id)]);
    const byId = new Map(statuses.rows.map((r) => [r.id, r.status]));
    const statusMismatches = this.pool.filter((c) => byId.get(c.id) !== c.status).length;
    const inDb = { create: Number(claims.rows[0]?.n), evidence: Number(evidence.rows[0]?.n), status: Number(transitions.rows[0]?.n) };
    const allThere = (Object.keys(inDb) as WriteKind[]).every((k) => inDb[k] >= this.succeeded[k]) && statusMismatches === 0;
    return { succeeded: { ...this.succeeded }, inDatabase: inDb, statusMismatches, allThere };
  }
}

export type WriteCheck = { succeeded: Record<WriteKind, number>; inDatabase: Record<WriteKind, number>; statusMismatches: number; allThere: boolean };

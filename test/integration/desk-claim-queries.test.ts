// No N+1 on the desk's claim page: the number of SQL statements its data costs is the same for a
// claim with 2 evidence items as for one with 200. Statements are counted where they leave for
// PostgreSQL (every `pg` client query, which is what Prisma's adapter sends), so a loop of
// per-row queries anywhere in the page's data loaders shows up. Speed is not measured here.
import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { loadActor } from "../../lib/auth/actor";
import { getClaimBySlug, getDeskUsers } from "../../lib/data/claims";
import { getExternalChecks } from "../../lib/data/external-reviews";
import { getVerdictPanel } from "../../lib/data/verdicts";
import type { Db } from "../../lib/db/client";
import { countedThing, createClaim, createUser } from "../support/factories";
import { testDb, unique } from "../support/db";
import { normalizeUrl } from "../../lib/urls";

let statements: string[] = [];
const originalQuery = pg.Client.prototype.query;
// Counting only: every call is passed on unchanged.
pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  statements.push(typeof first === "string" ? first : String((first as { text?: unknown } | null)?.text ?? ""));
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** A claim with `items` evidence rows (half with figures, some citing another source) and a reviewed verdict. */
async function claimWithEvidence(db: Db, items: number, people: { checker: string; editor: string }) {
  const claim = await createClaim(db, { createdById: people.checker });
  const sources: Array<{ id: string; url: string; normalizedUrl: string; outlet: string; type: "NEWS_OUTLET" }> = [];
  for (let i = 0; i < items; i++) {
    const url = `https://example.org/${unique("q")}-${i}`;
    sources.push({ id: crypto.randomUUID(), url, normalizedUrl: normalizeUrl(url), outlet: `Outlet ${i % 7}`, type: "NEWS_OUTLET" as const });
  }
  await db.source.createMany({ data: sources });
  const evidence = sources.map((s, i) => ({
    id: crypto.randomUUID(),
    claimId: claim.id,
    sourceId: s.id,
    stance: i % 5 === 0 ? ("CONTRADICTS" as const) : ("SUPPORTS" as const),
    excerpt: `Excerpt ${i}`,
    citesSourceId: i > 0 && i % 3 === 0 ? sources[i - 1]!.id : null,
    createdById: people.checker,
  }));
  await db.evidence.createMany({ data: evidence });
  const killed = await countedThing(db, { storyId: claim.storyId, label: "people killed" });
  await db.reportedFigure.createMany({
    data: evidence.filter((_, i) => i % 2 === 0).map((e, i) => ({ evidenceId: e.id, bound: "RANGE" as const, low: i, high: i + 5, countedThingId: killed.id })),
  });
  const verdict = await db.verdict.create({
    data: {
      claimId: claim.id,
      rating: "MIXED",
      ratingValue: 3,
      reasoning: "Accounts differ.",
      state: "SUBMITTED",
      authorId: people.checker,
      lastEditedById: people.checker,
      submittedAt: new Date(),
      evidence: { create: evidence.map((e) => ({ evidenceId: e.id })) },
    },
  });
  await db.reviewDecision.create({ data: { verdictId: verdict.id, reviewerId: people.editor, outcome: "REJECTED", verdictRevision: 1, comment: "More sources" } });
  return claim;
}

/** Exactly the reads app/(desk)/desk/claims/[slug]/page.tsx and its layout and server components make. */
async function loadDeskClaimPage(db: Db, slug: string, session: { userId: string; sessionVersion: number }) {
  const actor = await loadActor(db, session); // layout
  assert.ok(actor);
  await loadActor(db, session); // page
  // The "cites" picker loads its sources on demand (GET /desk/sources), not with the page.
  const [claim] = await Promise.all([getClaimBySlug(slug), getDeskUsers()]);
  assert.ok(claim);
  const [panel] = await Promise.all([getVerdictPanel(claim.id, actor.id), getExternalChecks(claim.id)]);
  return { claim, panel };
}

async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; sql: string[] }> {
  statements = [];
  const result = await fn();
  const sql = statements;
  statements = [];
  return { result, count: sql.length, sql };
}

test("the desk claim page costs the same number of SQL statements for 2 and for 200 evidence items", async () => {
  const db = await testDb();
  const checker = await createUser(db, "FACT_CHECKER");
  const editor = await createUser(db, "EDITOR");
  const people = { checker: checker.id, editor: editor.id };
  const small = await claimWithEvidence(db, 2, people);
  const large = await claimWithEvidence(db, 200, people);

  await loadDeskClaimPage(db, small.slug, checker.session); // warm the pool: connection set-up is not the page's cost
  const two = await countStatements(() => loadDeskClaimPage(db, small.slug, checker.session));
  const many = await countStatements(() => loadDeskClaimPage(db, large.slug, checker.session));

  assert.equal(two.result.claim.evidence.items.length, 2);
  assert.equal(many.result.claim.evidence.items.length, 200);
  assert.equal(many.result.panel?.verdicts[0]?.evidenceIds.length, 200);
  assert.equal(many.count, two.count, `2 items: ${two.count} statements, 200 items: ${many.count}:\n${many.sql.join("\n")}`);
  assert.ok(many.count <= 34, `expected a small constant number of statements, got ${many.count}:\n${many.sql.join("\n")}`);
});

test("the counter sees every statement (a loop of queries is counted as one per row)", async () => {
  const db = await testDb();
  const { count } = await countStatements(async () => {
    for (let i = 0; i < 5; i++) await db.$queryRaw`SELECT 1`;
  });
  assert.equal(count, 5);
});

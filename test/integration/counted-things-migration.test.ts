import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { withPostgres } from "../../lib/db/connect";
import { loadMigrations, migrate } from "../../lib/db/migrate";

/*
 * Migration 20261130100000_counted_things on a database written before it, in a throwaway database:
 * free-text "counted" values become one vocabulary entry per story, spelling and unit (a label
 * counted in two units gets the unit added), every figure points at its entry, and the publication
 * content of a claim whose figures were spelled as the app always stored them is byte-identical
 * before and after (its published snapshot stays current).
 */
const VOCABULARY = "20261130100000_counted_things";
const name = `claimdesk_vocab_${randomBytes(6).toString("hex")}`;
const base = process.env.DATABASE_URL!;
const url = (() => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
})();

const id = () => crypto.randomUUID();
const ids = { user: id(), story: id(), other: id(), claimA: id(), claimB: id(), loose: id(), verdict: id() };

before(async () => {
  await withPostgres(base, (sql) => sql.exec(`CREATE DATABASE "${name}"`));
  const all = await loadMigrations();
  await withPostgres(url, async (sql) => {
    await migrate(sql, all.filter((m) => m.name < VOCABULARY));
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, 'm@claimdesk.test', 'M', 'x', now())`, [ids.user]);
    await sql.query(`INSERT INTO stories (id, slug, title, updated_at) VALUES ($1, 'toll', 'Toll', now()), ($2, 'other', 'Other', now())`, [ids.story, ids.other]);
    const claims: Array<[string, string | null]> = [[ids.claimA, ids.story], [ids.claimB, ids.story], [ids.loose, null]];
    for (const [claim, story] of claims) {
      await sql.query(`INSERT INTO claims (id, slug, text, claimant, kind, story_id, updated_at) VALUES ($1, $2, 'A claim', 'Someone', 'NUMERIC', $3, now())`, [claim, `c-${claim}`, story]);
    }
    const figures: Array<[string, string, string, string, number]> = [
      [ids.claimA, "people killed", "people", "EXACT", 225],
      [ids.claimA, "people killed", "people", "EXACT", 164],
      // Spelled loosely (the old CHECK allowed it) and in two units: these labels change.
      [ids.claimB, "people  killed ", "people", "EXACT", 200],
      [ids.claimB, "price rise", "percent", "EXACT", 100],
      [ids.claimB, "price rise", "tenge", "EXACT", 60],
      [ids.loose, "people killed", "people", "EXACT", 3],
    ];
    for (const [claim, counted, unit, bound, value] of figures) {
      const source = id();
      const evidence = id();
      await sql.query(`INSERT INTO sources (id, url, normalized_url, outlet, type, updated_at) VALUES ($1, $2, $2, 'Outlet', 'WIRE', now())`, [source, `https://m.example/${source}`]);
      await sql.query(`INSERT INTO evidence (id, claim_id, source_id, stance, excerpt, updated_at) VALUES ($1, $2, $3, 'CONTEXT', 'x', now())`, [evidence, claim, source]);
      await sql.query(`INSERT INTO reported_figures (id, evidence_id, bound, low, high, unit, counted, as_of) VALUES ($1, $2, $3, $4, $4, $5, $6, '2022-01-09')`, [id(), evidence, bound, value, unit, counted]);
    }
    await sql.query(
      `INSERT INTO verdicts (id, claim_id, rating, rating_value, reasoning, author_id, last_edited_by_id, updated_at) VALUES ($1, $2, 'TRUE', 5, 'r', $3, $3, now())`,
      [ids.verdict, ids.claimA, ids.user],
    );
  });
});

after(() => withPostgres(base, (sql) => sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

test("free-text counted values become the story's vocabulary, every figure keeps what it counted, and the publication content does not change", async () => {
  await withPostgres(url, async (sql) => {
    const content = async () => (await sql.query<{ c: string }>(`SELECT publication_content($1, $2)::text AS c`, [ids.claimA, ids.verdict]))[0]!.c;
    const before = await content();
    const { applied } = await migrate(sql, await loadMigrations());
    assert.ok(applied.includes(VOCABULARY));
    assert.equal(await content(), before, "a claim's content is byte-identical, so its published snapshot stays current");

    const things = await sql.query<{ story: string | null; label: string; unit: string; cumulative: boolean }>(
      `SELECT s.slug AS story, ct.label, ct.unit, ct.cumulative FROM counted_things ct LEFT JOIN stories s ON s.id = ct.story_id ORDER BY s.slug NULLS FIRST, ct.label`,
    );
    assert.deepEqual(things, [
      { story: null, label: "people killed", unit: "people", cumulative: true },
      { story: "toll", label: "people killed", unit: "people", cumulative: true },
      { story: "toll", label: "price rise (percent)", unit: "percent", cumulative: true },
      { story: "toll", label: "price rise (tenge)", unit: "tenge", cumulative: true },
    ]);
    const figures = await sql.query<{ claim: string; low: string; label: string; unit: string }>(
      `SELECT e.claim_id AS claim, f.low::int::text AS low, ct.label, ct.unit FROM reported_figures f JOIN evidence e ON e.id = f.evidence_id JOIN counted_things ct ON ct.id = f.counted_thing_id ORDER BY f.low`,
    );
    assert.deepEqual(
      figures.map((f) => [f.low, f.label, f.unit]),
      [["3", "people killed", "people"], ["60", "price rise (tenge)", "tenge"], ["100", "price rise (percent)", "percent"], ["164", "people killed", "people"], ["200", "people killed", "people"], ["225", "people killed", "people"]],
    );
  });
});

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { withPostgres } from "../../lib/db/connect";
import { loadMigrations, migrate } from "../../lib/db/migrate";

/*
 * Migration 20261130600000_claimants on a database written before it, in a throwaway database:
 * each distinct free-text claimant (case and outer spaces ignored) becomes one record, typed only
 * where people chose a type on its claims, every claim is linked, and the publication content of a
 * claim whose claimant nobody typed is byte-identical before and after.
 */
const CLAIMANTS = "20261130600000_claimants";
const name = `claimdesk_claimants_${randomBytes(6).toString("hex")}`;
const base = process.env.DATABASE_URL!;
const url = (() => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
})();

const claims: Array<[string, string, string | null]> = [
  [crypto.randomUUID(), "President Kassym-Jomart Tokayev", "PERSON"],
  [crypto.randomUUID(), "president kassym-jomart tokayev ", null],
  [crypto.randomUUID(), "Almaty police", null],
  [crypto.randomUUID(), "Ministry of Energy", "ORGANISATION"],
];
const verdict = crypto.randomUUID();
const user = crypto.randomUUID();

before(async () => {
  await withPostgres(base, (sql) => sql.exec(`CREATE DATABASE "${name}"`));
  const all = await loadMigrations();
  await withPostgres(url, async (sql) => {
    await migrate(sql, all.filter((m) => m.name < CLAIMANTS));
    await sql.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, 'm@claimdesk.test', 'M', 'x', now())`, [user]);
    for (const [id, claimant, type] of claims) {
      await sql.query(`INSERT INTO claims (id, slug, text, claimant, claimant_type, kind, updated_at) VALUES ($1, $2, 'A claim', $3, $4::"ClaimantType", 'EVENT', now())`, [id, `c-${id}`, claimant, type]);
    }
    await sql.query(
      `INSERT INTO verdicts (id, claim_id, rating, rating_value, reasoning, author_id, last_edited_by_id, updated_at) VALUES ($1, $2, 'TRUE', 5, 'r', $3, $3, now())`,
      [verdict, claims[2]![0], user],
    );
  });
});

after(() => withPostgres(base, (sql) => sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

test("free-text claimants become one record each, typed only where a person chose, every claim linked, old content unchanged", async () => {
  await withPostgres(url, async (sql) => {
    const content = async () => (await sql.query<{ c: string }>(`SELECT publication_content($1, $2)::text AS c`, [claims[2]![0], verdict]))[0]!.c;
    const before = await content();
    const { applied } = await migrate(sql, await loadMigrations());
    assert.ok(applied.includes(CLAIMANTS));
    assert.equal(await content(), before, "an untyped claimant adds nothing: the published snapshot stays current");

    const records = await sql.query<{ name: string; type: string | null; aliases: string[] }>(`SELECT name, type::text AS type, aliases FROM claimants ORDER BY lower(name)`);
    assert.deepEqual(records, [
      { name: "Almaty police", type: null, aliases: [] },
      { name: "Ministry of Energy", type: "ORGANISATION", aliases: [] },
      { name: "President Kassym-Jomart Tokayev", type: "PERSON", aliases: [] },
    ]);
    const links = await sql.query<{ claimant: string; linked: string }>(
      `SELECT c.claimant, cl.name AS linked FROM claims c JOIN claimants cl ON cl.id = c.claimant_id ORDER BY c.claimant`,
    );
    assert.equal(links.length, claims.length, "every claim is linked");
    assert.ok(links.every((l) => l.linked.toLowerCase() === l.claimant.trim().toLowerCase()));
    assert.equal((await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM claims WHERE claimant_id IS NULL`))[0]!.n, "0");
    assert.deepEqual(
      (await sql.query<{ claimant: string }>(`SELECT claimant FROM claims ORDER BY claimant`)).map((r) => r.claimant),
      claims.map(([, c]) => c).sort(),
      "the claims' own text is not rewritten",
    );
  });
});

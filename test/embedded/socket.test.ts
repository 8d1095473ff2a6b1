// The owner's socket under concurrent connections: every query gets its own answer, and
// transactions from several connections do not interleave (PGlite has one session for all).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { connectEmbedded, type EmbeddedConnection } from "../../lib/db/embedded/connect";
import { tempDataDir } from "./support";

const dir = tempDataDir();
let embedded: EmbeddedConnection;
let pool: pg.Pool;

before(async () => {
  embedded = await connectEmbedded(dir);
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
});

after(async () => {
  await pool?.end();
  await embedded?.close();
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

test("concurrent parameterised queries on eight connections each get their own rows", async () => {
  const results = await Promise.all(
    Array.from({ length: 400 }, async (_, i) => {
      if (i % 2 === 0) return (await pool.query<{ v: number }>("SELECT $1::int AS v", [i])).rows[0]?.v === i;
      // Large parameters arrive in several socket chunks.
      if (i % 5 === 0) return (await pool.query<{ n: number }>("SELECT length($1::text) AS n", ["x".repeat(100_000 + i)])).rows[0]?.n === 100_000 + i;
      const { rows } = await pool.query<{ w: string; n: number }>("SELECT $1::text || '-' || $2::text AS w, generate_series(1, $3::int) AS n", [`q${i}`, "x", i % 7 + 1]);
      return rows.length === (i % 7) + 1 && rows.every((r) => r.w === `q${i}-x`);
    }),
  );
  assert.equal(results.filter((ok) => !ok).length, 0);
});

test("read-modify-write transactions on several connections lose no update", async () => {
  await pool.query("CREATE TABLE counter (n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (0)");
  await Promise.all(
    Array.from({ length: 60 }, async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ n: number }>("SELECT n FROM counter");
        await new Promise((resolve) => setImmediate(resolve));
        await client.query("UPDATE counter SET n = $1", [(rows[0]?.n ?? 0) + 1]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    }),
  );
  assert.equal((await pool.query<{ n: number }>("SELECT n FROM counter")).rows[0]?.n, 60);
});

test("a connection that drops inside a transaction leaves nothing behind and blocks nobody", async () => {
  const client = new pg.Client({ connectionString: embedded.url });
  client.on("error", () => {}); // its own connection is cut on purpose
  await client.connect();
  await client.query("BEGIN");
  await client.query("UPDATE counter SET n = -1");
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter");
  assert.equal(rows[0]?.n, 60);
});

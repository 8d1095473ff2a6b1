import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { withPostgres } from "../lib/db/connect";
import { migrate } from "../lib/db/migrate";
import { findConflicts, type EvidenceForConflict } from "../lib/domain/conflicts";
import { RATINGS } from "../lib/ratings";
import { normalizeUrl } from "../lib/urls";
import { ColumnBuffer, insertColumns, ts, type Column, type ColumnData } from "./bulk";
import { CLAIMANTS, COUNTED, OUTLETS, PLACES, SOURCE_TYPES, TOPICS, VERBS, slugWords } from "./vocabulary";

/*
 * The benchmark's dataset, written straight into PostgreSQL with array inserts (bench/bulk.ts).
 * Every row goes through the schema's CHECKs, foreign keys and triggers: verdicts are born
 * SUBMITTED, approved by an editor who did not write them (the four-eyes trigger checks it), and
 * only then published with their publication rows (checked against the approval's digest),
 * exactly the states the application would leave behind. No trigger is
 * disabled. The audit log is not filled: the pages measured here do not read it.
 */

export const BENCH_PASSWORD = "bench-pass-not-secret";
export const DESK_CLAIM_SLUG = "bench-desk-claim-200-evidence";
/** The dataset's desk accounts (password BENCH_PASSWORD): one fact-checker and two editors. */
export const BENCH_USERS = { checker: "bench-checker@claimdesk.test", editor: "bench-editor@claimdesk.test", reviewer: "bench-reviewer@claimdesk.test" } as const;
const DAY = 86_400_000;
const CHUNK = 10_000;

export type DatasetSize = { claims: number; stories: number; sources: number; evidence: number; corrections: number; deskEvidence: number };

export function datasetSize(scale: number): DatasetSize {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  return { claims: n(100_000, 200), stories: n(1_000, 5), sources: n(100_000, 300), evidence: n(300_000, 600), corrections: n(5_000, 10), deskEvidence: 200 };
}

export type DatasetSummary = {
  size: DatasetSize;
  rows: Record<string, number>;
  loadSeconds: number;
  users: { checker: string; editor: string; reviewer: string };
};

// A small deterministic generator (mulberry32): the same scale gives the same dataset.
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  return { next, int, pick };
}

/** Drops and re-creates the benchmark database and applies the migrations. */
export async function createBenchDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/^claimdesk_bench[a-z0-9_]*$/.test(name)) throw new Error(`Refusing to drop "${name}": the benchmark only recreates databases named claimdesk_bench*`);
  admin.pathname = "/postgres";
  await withPostgres(admin.toString(), async (sql) => {
    await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await sql.exec(`CREATE DATABASE "${name}"`);
  });
  await withPostgres(url, (sql) => migrate(sql));
}

const RATING_KEYS = Object.keys(RATINGS) as Array<keyof typeof RATINGS>;
const STANCES = ["SUPPORTS", "SUPPORTS", "SUPPORTS", "SUPPORTS", "SUPPORTS", "CONTRADICTS", "CONTRADICTS", "MIXED", "CONTEXT", "CONTEXT"] as const;
const KINDS = ["NUMERIC", "EVENT", "FRAMING", "QUOTE"] as const;

/** Fills a freshly migrated database. Returns row counts and the wall time of the load. */
export async function loadDataset(url: string, scale: number, log: (line: string) => void = () => {}): Promise<DatasetSummary> {
  const size = datasetSize(scale);
  const started = performance.now();
  // Three connections: two share each big table's rows, the third writes verdicts meanwhile.
  const connections = [0, 1, 2].map(() => new pg.Client({ connectionString: url }));
  await Promise.all(connections.map((c) => c.connect()));
  const [client, second, third] = connections as [pg.Client, pg.Client, pg.Client];
  const rows: Record<string, number> = {};
  const spent: Record<string, number> = {};
  /** Inserts a table's rows, split in halves over two connections when `parallel`. */
  const write = async (table: string, columns: Column[], data: ColumnData, on: pg.Client[]) => {
    const t0 = performance.now();
    const total = data[0]?.length ?? 0;
    const half = Math.ceil(total / on.length);
    const parts = on.map((conn, k) => insertColumns(conn, table, columns, data.map((col) => col.slice(k * half, (k + 1) * half))));
    rows[table] = (rows[table] ?? 0) + (await Promise.all(parts)).reduce((a, b) => a + b, 0);
    spent[table] = (spent[table] ?? 0) + performance.now() - t0;
  };
  const both = [client, second];
  const flush = (buffer: ColumnBuffer, table: string, on: pg.Client[] = [client]) => write(table, buffer.columns, buffer.take(), on);
  try {
    await Promise.all(connections.map((c) => c.query("SET synchronous_commit = off")));
    const deferred = await dropSecondaryIndexes(client, BULK_TABLES);
    const r = rng(42);
    const now = Date.now();

    // People: one hash for the three bench accounts (scrypt is deliberately slow; it runs while the rows are generated).
    const hashing = hashPassword(BENCH_PASSWORD);
    const [checker, editor, reviewer] = [randomUUID(), randomUUID(), randomUUID()];
    const users = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "email", type: "text" }, { name: "name", type: "text" },
      { name: "role", type: '"Role"' }, { name: "password_hash", type: "text" }, { name: "updated_at", type: "timestamp(3)" },
    ]);
    const hash = await hashing;
    users.push(checker, BENCH_USERS.checker, "Bench Checker", "FACT_CHECKER", hash, ts(now));
    users.push(editor, BENCH_USERS.editor, "Bench Editor", "EDITOR", hash, ts(now));
    users.push(reviewer, BENCH_USERS.reviewer, "Bench Reviewer", "EDITOR", hash, ts(now));
    await flush(users, "users");

    const storyIds: string[] = [];
    const stories = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "slug", type: "text" }, { name: "title", type: "text" }, { name: "summary", type: "text" },
      { name: "starts_on", type: "date" }, { name: "updated_at", type: "timestamp(3)" },
    ]);
    for (let i = 0; i < size.stories; i++) {
      const id = randomUUID();
      storyIds.push(id);
      const place = PLACES[i % PLACES.length]!;
      const topic = TOPICS[(i * 7) % TOPICS.length]!;
      stories.push(id, `${slugWords(`${topic} ${place}`)}-${i}`, `${topic[0]!.toUpperCase()}${topic.slice(1)} in ${place}`, `What was claimed about ${topic} in ${place}.`, ts(now - (i % 700) * DAY).slice(0, 10), ts(now));
    }
    await flush(stories, "stories");

    // The counted-things vocabulary (shared entries, story null): each figure refers to one.
    const countedIds = new Map(COUNTED.map((label) => [label, randomUUID()]));
    const countedThings = new ColumnBuffer([{ name: "id", type: "uuid" }, { name: "label", type: "text" }, { name: "updated_at", type: "timestamp(3)" }]);
    for (const [label, id] of countedIds) countedThings.push(id, label, ts(now));
    await flush(countedThings, "counted_things");

    const sourceIds: string[] = [];
    const sources = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "url", type: "text" }, { name: "normalized_url", type: "text" }, { name: "outlet", type: "text" },
      { name: "type", type: '"SourceType"' }, { name: "title", type: "text" }, { name: "published_at", type: "timestamp(3)" }, { name: "updated_at", type: "timestamp(3)" },
    ]);
    for (let i = 0; i < size.sources; i++) {
      const id = randomUUID();
      sourceIds.push(id);
      const outlet = OUTLETS[i % OUTLETS.length]!;
      const topic = r.pick(TOPICS);
      const url = `https://www.${slugWords(outlet)}.example/news/${slugWords(topic)}-${i}?utm_source=bench`;
      sources.push(id, url, normalizeUrl(url), outlet, SOURCE_TYPES[i % SOURCE_TYPES.length], `${outlet}: ${topic}, report ${i}`, ts(now - r.int(730) * DAY), ts(now));
    }
    await flush(sources, "sources", both);
    log(`  users, ${size.stories} stories, ${size.sources} sources: ${seconds(started)} s`);

    const claims = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "slug", type: "text" }, { name: "story_id", type: "uuid" }, { name: "text", type: "text" },
      { name: "claimant", type: "text" }, { name: "claimed_at", type: "timestamp(3)" }, { name: "kind", type: '"ClaimKind"' },
      { name: "status", type: '"ClaimStatus"' }, { name: "has_conflict", type: "boolean" }, { name: "assignee_id", type: "uuid" },
      { name: "created_by_id", type: "uuid" }, { name: "created_at", type: "timestamp(3)" }, { name: "updated_at", type: "timestamp(3)" },
    ]);
    const evidence = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "claim_id", type: "uuid" }, { name: "source_id", type: "uuid" }, { name: "stance", type: '"Stance"' },
      { name: "excerpt", type: "text" }, { name: "location", type: "text" }, { name: "attribution", type: "text" }, { name: "cites_source_id", type: "uuid" },
      { name: "created_by_id", type: "uuid" }, { name: "created_at", type: "timestamp(3)" }, { name: "updated_at", type: "timestamp(3)" },
    ]);
    const figures = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "evidence_id", type: "uuid" }, { name: "low", type: "numeric" }, { name: "high", type: "numeric" },
      { name: "words", type: "text" }, { name: "counted_thing_id", type: "uuid" }, { name: "bound", type: '"FigureBound"' },
    ]);
    const verdicts = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "claim_id", type: "uuid" }, { name: "rating", type: '"Rating"' }, { name: "rating_value", type: "int" },
      { name: "reasoning", type: "text" }, { name: "state", type: '"VerdictState"' }, { name: "author_id", type: "uuid" },
      { name: "last_edited_by_id", type: "uuid" }, { name: "supersedes_id", type: "uuid" }, { name: "correction_note", type: "text" },
      { name: "submitted_at", type: "timestamp(3)" }, { name: "created_at", type: "timestamp(3)" }, { name: "updated_at", type: "timestamp(3)" },
    ]);
    const reviews = new ColumnBuffer([
      { name: "id", type: "uuid" }, { name: "verdict_id", type: "uuid" }, { name: "reviewer_id", type: "uuid" }, { name: "outcome", type: '"ReviewOutcome"' },
      { name: "verdict_revision", type: "int" }, { name: "created_at", type: "timestamp(3)" },
    ]);
    const verdictEvidence = new ColumnBuffer([{ name: "verdict_id", type: "uuid" }, { name: "evidence_id", type: "uuid" }]);
    // Final states, applied by UPDATE once the approving review exists (the trigger requires it).
    const finals = new ColumnBuffer([{ name: "id", type: "uuid" }, { name: "state", type: "text" }, { name: "published_at", type: "timestamp(3)" }]);

    const perClaim = Math.floor(size.evidence / size.claims);
    const extra = size.evidence - perClaim * size.claims;
    let corrections = 0;

    const addClaim = (i: number, options: { slug?: string; evidenceCount: number; status?: string }) => {
      const id = randomUUID();
      const topic = r.pick(TOPICS);
      const place = r.pick(PLACES);
      const claimant = r.pick(CLAIMANTS);
      const counted = r.pick(COUNTED);
      const figure = 10 + r.int(5000);
      const text = `${figure} ${counted} over ${topic} in ${place}, the ${claimant} ${r.pick(VERBS)}`;
      const created = now - 2 * DAY - r.int(700) * DAY - r.int(DAY);
      const band = i % 100;
      // 60 % published, 2 % retracted, 8 % in review, 8 % drafted, the rest still being researched.
      const status = options.status ?? (band < 60 ? "PUBLISHED" : band < 62 ? "RETRACTED" : band < 70 ? "IN_REVIEW" : band < 78 ? "VERDICT_DRAFTED" : band < 90 ? "RESEARCHING" : "NEW");

      const forConflicts: EvidenceForConflict[] = [];
      const used = new Set<number>();
      const evidenceIds: string[] = [];
      for (let k = 0; k < options.evidenceCount; k++) {
        let s = options.slug ? k : r.int(sourceIds.length);
        while (used.has(s)) s = (s + 1) % sourceIds.length;
        used.add(s);
        const evidenceId = randomUUID();
        evidenceIds.push(evidenceId);
        const stance = r.pick(STANCES);
        const cites = r.next() < 0.3 ? (s + 1 + r.int(50)) % sourceIds.length : null;
        const at = created + (k + 1) * 60_000;
        evidence.push(
          evidenceId, id, sourceIds[s], stance, `“${figure + r.int(40) - 20} ${counted}” in ${place}, according to the ${claimant}.`,
          `paragraph ${1 + r.int(12)}`, r.next() < 0.5 ? `${claimant} spokesperson` : null, cites === null ? null : sourceIds[cites], checker, ts(at), ts(at),
        );
        let fig: EvidenceForConflict["figure"] = null;
        if (r.next() < 0.5) {
          const low = Math.max(0, figure + r.int(400) - 200);
          const high = low + r.int(50);
          const words = r.next() < 0.2 ? "dozens" : null;
          fig = { bound: high === low ? "EXACT" : words ? "ESTIMATE" : "RANGE", low, high, counted };
          figures.push(randomUUID(), evidenceId, low, high, words, countedIds.get(counted), fig.bound);
        }
        forConflicts.push({ stance, figure: fig });
      }
      const conflict = findConflicts(forConflicts).length > 0;
      claims.push(
        id, options.slug ?? `${slugWords(`${topic} ${place}`)}-${i}`, storyIds[i % storyIds.length], text, claimant, ts(created - DAY), KINDS[i % KINDS.length],
        status, conflict, status === "NEW" ? null : checker, checker, ts(created), ts(created + DAY),
      );

      if (status === "NEW" || status === "RESEARCHING") return;
      const published = status === "PUBLISHED" || status === "RETRACTED";
      const corrected = published && corrections < size.corrections && i % 12 === 0;
      const addVerdict = (opts: { supersedes?: string; state: string; at: number }) => {
        const verdictId = randomUUID();
        const rating = r.pick(RATING_KEYS);
        verdicts.push(
          verdictId, id, rating, RATINGS[rating].value, `Sources disagree on the ${counted}; the best-documented count for ${place} is used.`,
          opts.state === "DRAFT" ? "DRAFT" : "SUBMITTED", checker, checker, opts.supersedes ?? null, opts.supersedes ? "A later official count changed the figure." : null,
          opts.state === "DRAFT" ? null : ts(opts.at), ts(opts.at - DAY), ts(opts.at),
        );
        if (evidenceIds[0]) verdictEvidence.push(verdictId, evidenceIds[0]);
        if (opts.state === "PUBLISHED" || opts.state === "SUPERSEDED") {
          reviews.push(randomUUID(), verdictId, reviewer, "APPROVED", 1, ts(opts.at + 3_600_000));
          finals.push(verdictId, opts.state, ts(opts.at + 7_200_000));
        }
        return verdictId;
      };
      const decided = created + DAY + r.int(DAY);
      if (!published) {
        addVerdict({ state: status === "IN_REVIEW" ? "SUBMITTED" : "DRAFT", at: decided });
      } else if (corrected) {
        corrections++;
        const first = addVerdict({ state: "SUPERSEDED", at: decided });
        addVerdict({ state: "PUBLISHED", supersedes: first, at: decided + 12 * 3_600_000 });
      } else {
        addVerdict({ state: "PUBLISHED", at: decided });
      }
    };

    // One chunk's rows: claims first (everything refers to them), then evidence and figures on two
    // connections while the third writes the verdicts. Approvals record the digest of the content
    // they approve, so they follow the evidence; publishing then stores each published version as
    // a publication (the database checks it against the approval), as the desk's publish does.
    const writeChunk = async (chunk: Record<"claims" | "evidence" | "figures" | "verdicts" | "reviews" | "verdictEvidence" | "finals", ColumnData>) => {
      await write("claims", claims.columns, chunk.claims, both);
      await Promise.all([
        (async () => {
          await write("evidence", evidence.columns, chunk.evidence, both);
          await write("reported_figures", figures.columns, chunk.figures, both);
        })(),
        write("verdicts", verdicts.columns, chunk.verdicts, [third]),
      ]);
      // The approval and publication triggers build each claim's content (publication_content).
      // Without statistics the planner takes the tables for small and hashes all of "sources" for
      // every claim; autovacuum would analyse them only after the load.
      const analysed = performance.now();
      await third.query(`ANALYZE "claims", "sources", "evidence", "reported_figures", "verdicts"`);
      spent.analyse = (spent.analyse ?? 0) + performance.now() - analysed;
      await write("review_decisions", reviews.columns, chunk.reviews, [third]);
      await write("verdict_evidence", verdictEvidence.columns, chunk.verdictEvidence, [third]);
      const t0 = performance.now();
      await third.query("BEGIN");
      await third.query(
        `UPDATE "verdicts" v SET "state" = f."state"::"VerdictState", "published_at" = f."published_at"
         FROM unnest($1::uuid[], $2::text[], $3::timestamp(3)[]) AS f("id", "state", "published_at") WHERE v."id" = f."id"`,
        chunk.finals,
      );
      await third.query(
        `INSERT INTO "publications" ("claim_id", "verdict_id", "version", "kind", "snapshot", "digest", "note", "published_at")
         SELECT v."claim_id", v."id", 0, CASE WHEN v."supersedes_id" IS NULL THEN 'ORIGINAL' ELSE 'CORRECTION' END::"PublicationKind",
                publication_content(v."claim_id", v."id"), '', v."correction_note", v."published_at"
         FROM unnest($1::uuid[]) AS f("id") JOIN "verdicts" v ON v."id" = f."id"
         ORDER BY v."published_at", v."id"`,
        [chunk.finals[0] ?? []],
      );
      await third.query(
        `INSERT INTO "publications" ("claim_id", "verdict_id", "version", "kind", "snapshot", "digest", "note", "published_at")
         SELECT v."claim_id", v."id", 0, 'RETRACTION', '{}'::jsonb, '', 'Retracted: the claim was misattributed.', v."published_at" + interval '1 day'
         FROM unnest($1::uuid[]) AS f("id") JOIN "verdicts" v ON v."id" = f."id" JOIN "claims" c ON c."id" = v."claim_id"
         WHERE c."status" = 'RETRACTED' AND v."state" = 'PUBLISHED'`,
        [chunk.finals[0] ?? []],
      );
      await third.query("COMMIT");
      spent.publish = (spent.publish ?? 0) + performance.now() - t0;
    };
    const takeChunk = () => ({
      claims: claims.take(), evidence: evidence.take(), figures: figures.take(), verdicts: verdicts.take(),
      reviews: reviews.take(), verdictEvidence: verdictEvidence.take(), finals: finals.take(),
    });
    // The next chunk is generated while the previous one is written.
    let inFlight: Promise<void> = Promise.resolve();
    const flushAll = async () => {
      const chunk = takeChunk();
      await inFlight;
      inFlight = writeChunk(chunk);
      inFlight.catch(() => undefined);
    };

    addClaim(size.claims, { slug: DESK_CLAIM_SLUG, evidenceCount: size.deskEvidence, status: "VERDICT_DRAFTED" });
    for (let i = 0; i < size.claims; i++) {
      addClaim(i, { evidenceCount: perClaim + (i < extra ? 1 : 0) });
      if (claims.length >= CHUNK) {
        await flushAll();
        log(`  ${i + 1} claims: ${seconds(started)} s`);
      }
    }
    await flushAll();
    await inFlight;
    log(`  time per table (s): ${Object.entries(spent).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(", ")}`);
    log(`  rows in: ${seconds(started)} s; rebuilding ${deferred.length} secondary indexes`);
    await rebuildIndexes(url, deferred);
    log(`  indexes rebuilt: ${seconds(started)} s`);
    // As autovacuum leaves a database in service: statistics, and the visibility map that lets a
    // count (the desk's review queue badge, 8,000 verdicts here) read the index alone.
    await client.query("VACUUM (ANALYZE)");
    const editors = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "verdict_editors"`);
    rows.verdict_editors = Number(editors.rows[0]?.n ?? 0);
    return { size, rows, loadSeconds: Number(seconds(started)), users: BENCH_USERS };
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

// Non-unique secondary indexes (the full-text and trigram GINs above all) are dropped before the
// load and rebuilt after it from their own definitions: one sorted build instead of 100,000
// incremental GIN updates. Unique indexes and keys stay, so every constraint is checked on insert.
const BULK_TABLES = ["claims", "sources", "evidence", "reported_figures", "verdicts", "verdict_evidence", "review_decisions"];

async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS "name", pg_get_indexdef(x.indexrelid) AS "definition"
     FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND NOT x.indisunique AND NOT x.indisprimary`,
    [tables],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((r) => r.definition);
}

/** Builds the indexes two at a time (this machine has two cores). */
async function rebuildIndexes(url: string, definitions: string[]): Promise<void> {
  const queue = [...definitions];
  await Promise.all(
    [0, 1].map(async () => {
      const worker = new pg.Client({ connectionString: url });
      await worker.connect();
      try {
        await worker.query("SET maintenance_work_mem = '256MB'");
        for (let next = queue.shift(); next; next = queue.shift()) await worker.query(next);
      } finally {
        await worker.end();
      }
    }),
  );
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const datasetMarker = (scale: number) => `claimdesk bench scale=${scale}`;

/** Row counts of a database already loaded at this scale (its COMMENT says so), or null. */
async function loadedDataset(url: string, scale: number): Promise<{ rows: Record<string, number> } | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS "comment" FROM pg_database WHERE datname = current_database()`);
    if (rows[0]?.comment !== datasetMarker(scale)) return null;
    const counts = await client.query<{ table: string; n: string }>(
      `SELECT relname AS "table", n_live_tup::text AS n FROM pg_stat_user_tables WHERE relname IN ('claims','stories','sources','evidence','reported_figures','verdicts')`,
    );
    return { rows: Object.fromEntries(counts.rows.map((r) => [r.table, Number(r.n)])) };
  } finally {
    await client.end();
  }
}

export type PreparedDataset = { scale: number; rows: Record<string, number>; loadSeconds: number | null; reused: boolean };

/**
 * The dataset for a run (`npm run bench`, `npm run bench:soak`): with `reuse`, a database already
 * loaded at the same scale is kept; otherwise it is dropped, re-created, loaded and marked.
 */
export async function prepareDataset(options: { url: string; scale: number; reuse: boolean; log: (line: string) => void }): Promise<PreparedDataset> {
  const { url, scale, log } = options;
  const existing = options.reuse ? await loadedDataset(url, scale) : null;
  if (existing) {
    log(`Reusing the dataset in ${url} (${datasetMarker(scale)})`);
    return { scale, rows: existing.rows, loadSeconds: null, reused: true };
  }
  log(`Creating ${url} and loading the dataset at scale ${scale} …`);
  await createBenchDatabase(url);
  const summary = await loadDataset(url, scale, log);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const name = new URL(url).pathname.slice(1);
  await client.query(`COMMENT ON DATABASE "${name}" IS '${datasetMarker(scale)}'`);
  await client.end();
  log(`Dataset loaded in ${summary.loadSeconds.toFixed(1)} s`);
  return { scale, rows: summary.rows, loadSeconds: summary.loadSeconds, reused: false };
}

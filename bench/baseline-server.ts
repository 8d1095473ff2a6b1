// The baselines the app is compared with, on the same machine in the same run:
//   GET /claims[?q=]  (a) the framework-free floor: node:http + pg running the ledger list's SQL
//                         (bench/ledger-sql.ts, the same statement the app sends) on every request
//                         and answering the same JSON as /api/v1/claims;
//   GET /static       (b) the ceiling for any Node server here: a pre-built body of the same JSON.
// Usage: tsx bench/baseline-server.ts <port> <database-url>   (prints "ready" when listening)
import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import pg from "pg";
import { encodeCursor } from "../lib/public/filters";
import { ledgerIdsSql, ledgerItemsSql, toApiItem, type LedgerRow } from "./ledger-sql";

const [portArg, url] = process.argv.slice(2);
if (!portArg || !url) throw new Error("usage: baseline-server.ts <port> <database-url>");
const port = Number(portArg);
const base = process.env.PUBLIC_BASE_URL ?? "http://localhost:3000";
// The app's Prisma adapter opens a pool of 10 (lib/db/client.ts): the same here.
const pool = new pg.Pool({ connectionString: url, max: 10 });

async function ledgerJson(q: string | null): Promise<string> {
  const ids = await pool.query<{ id: string; claimId: string; publishedAt: Date }>(ledgerIdsSql(q !== null), q !== null ? [q, 21] : [21]);
  const page = ids.rows.slice(0, 20);
  const items = page.length === 0 ? [] : (await pool.query<LedgerRow>(ledgerItemsSql, [page.map((r) => r.id)])).rows;
  const byId = new Map(items.map((row) => [row.id, row]));
  const data = page.flatMap((hit) => {
    const row = byId.get(hit.id);
    return row ? [toApiItem(row, base)] : [];
  });
  const last = page.at(-1);
  const nextCursor = ids.rows.length > 20 && last ? encodeCursor({ publishedAt: last.publishedAt.toISOString(), id: last.claimId, fuzzy: false }) : null;
  return JSON.stringify({ data, nextCursor, fuzzy: false });
}

function send(res: ServerResponse, body: string) {
  res.writeHead(200, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, max-age=0, s-maxage=1",
    ETag: `"${createHash("sha256").update(body).digest("base64url")}"`,
  });
  res.end(body);
}

const prebuilt = await ledgerJson(null);

const server = createServer((req, res) => {
  const requestUrl = new URL(req.url ?? "/", "http://localhost");
  if (requestUrl.pathname === "/static") return send(res, prebuilt);
  if (requestUrl.pathname === "/claims") {
    ledgerJson(requestUrl.searchParams.get("q")).then(
      (body) => send(res, body),
      (error: unknown) => {
        res.writeHead(500).end(String(error));
      },
    );
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => console.log("ready"));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

// Prints the public ledger of DATABASE_URL as JSON (what readers and the API see), for the
// backup test to compare a database with its restored copy. Run with --conditions=react-server.
import { getDb } from "../../lib/db";
import { iteratePublishedClaims, listAmendments, listPublishedClaims, listPublishedStories } from "../../lib/public/ledger";

const claims = await listPublishedClaims({ limit: 100 });
const stories = await listPublishedStories();
const corrections = await listAmendments({});
const full = [];
for await (const claim of iteratePublishedClaims()) full.push(claim);
process.stdout.write(JSON.stringify({ claims, stories, corrections, full }));
await (await getDb()).$disconnect();

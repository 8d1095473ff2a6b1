import type { Db } from "../../lib/db/client";
import { getPublishedClaim, getPublishedStory, listAmendments, listPublishedStories } from "../../lib/public/ledger";
import { buildClaimReview, serializeJsonLd } from "../../lib/public/claim-review";
import { amendmentFeedEntry, exportRecord, verdictFeedEntry } from "../../lib/public/feeds";
import { buildAtomFeed } from "../../lib/public/atom";
import { GET as listClaimsRoute } from "../../app/api/v1/claims/route";
import { GET as claimRoute } from "../../app/api/v1/claims/[slug]/route";
import { GET as storiesRoute } from "../../app/api/v1/stories/route";
import { attachEvidence } from "../../lib/services/evidence";
import { publishVerdict, reviewVerdict } from "../../lib/services/verdict-review";
import { draftVerdict, submitVerdict } from "../../lib/services/verdicts";
import { unique } from "../support/db";
import { countedThing, createClaim, createStory, createUser, type TestUser } from "../support/factories";
import { expectOk } from "../support/results";

// What readers get for one claim, from every public output, and a claim published through the desk.

const BASE = "http://localhost:3000";
const get = (path: string) => new Request(`${BASE}${path}`);

/**
 * Every public output that concerns one claim, as text: the data the claim, story, home and
 * /corrections pages render, the API (claim, list by story, stories), the claim's entries in both
 * Atom feeds (built by the same functions the feed routes use), its export line and its JSON-LD.
 * Scoped to the claim and its story so other tests publishing meanwhile do not disturb it.
 */
export async function publicOutputs(slug: string, storySlug: string) {
  const claim = await getPublishedClaim(slug);
  const amendments = (await listAmendments({ take: 100_000 })).filter((a) => a.claim.slug === slug);
  const stories = (await (await storiesRoute(get("/api/v1/stories"))).json()) as { data: Array<{ slug: string }> };
  return {
    claimPage: JSON.stringify(claim),
    storyPage: JSON.stringify(await getPublishedStory(storySlug)),
    storyList: JSON.stringify((await listPublishedStories()).filter((s) => s.slug === storySlug)),
    corrections: JSON.stringify(amendments),
    apiClaim: await (await claimRoute(get(`/api/v1/claims/${slug}`), { params: Promise.resolve({ slug }) })).text(),
    apiList: await (await listClaimsRoute(get(`/api/v1/claims?story=${storySlug}&limit=100`))).text(),
    apiStories: JSON.stringify(stories.data.filter((s) => s.slug === storySlug)),
    verdictsFeed: claim ? buildAtomFeed({ id: "f", title: "t", selfUrl: BASE, siteUrl: BASE, updated: claim.updatedAt, entries: [verdictFeedEntry(claim, BASE)] }) : "",
    correctionsFeed: buildAtomFeed({ id: "f", title: "t", selfUrl: BASE, siteUrl: BASE, updated: "1970-01-01T00:00:00.000Z", entries: amendments.map((a) => amendmentFeedEntry(a, BASE)) }),
    export: claim ? serializeJsonLd(exportRecord(claim, BASE)) : "",
    jsonLd: claim ? serializeJsonLd(buildClaimReview(claim, BASE)) : "",
  };
}

export function changedOutputs(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((key) => before[key] !== after[key]);
}

export type Desk = { checker: TestUser; checker2: TestUser; editor: TestUser; editor2: TestUser; admin: TestUser };

export async function createDesk(db: Db): Promise<Desk> {
  const [checker, checker2, editor, editor2, admin] = await Promise.all([
    createUser(db, "FACT_CHECKER", { name: unique("Checker") }),
    createUser(db, "FACT_CHECKER"),
    createUser(db, "EDITOR", { name: unique("Editor") }),
    createUser(db, "EDITOR", { name: unique("Second editor") }),
    createUser(db, "ADMIN"),
  ]);
  return { checker, checker2, editor, editor2, admin };
}

/** A claim in its own story with two sources, checked by `checker`, approved and published by `editor`, all through the desk's actions. */
export async function publishThroughDesk(db: Db, desk: Desk) {
  const story = await createStory(db);
  const claim = await createClaim(db, { storyId: story.id, text: `Twelve police officers were killed ${unique("in")}` });
  // The published figure counts an entry of the story's vocabulary, so vocabulary edits are walked too.
  const counted = await countedThing(db, { storyId: story.id, label: "police killed", synonyms: ["officers killed"] });
  const attach = async (stance: "SUPPORTS" | "CONTRADICTS", outlet: string, figure: Record<string, string> = {}) =>
    expectOk(
      await attachEvidence(desk.checker.session, { claimId: claim.id, url: `https://${outlet}.example/${unique("r")}`, outlet, type: "NEWS_OUTLET", excerpt: `${outlet} reports twelve.`, stance, ...figure }),
    );
  const first = await attach("SUPPORTS", "wire", { figureValue: "12", figureCounted: "officers killed", figureAsOf: "2022-01-06T04:30" });
  const second = await attach("SUPPORTS", "daily");
  const verdict = expectOk(await draftVerdict(desk.checker.session, { claimId: claim.id, rating: "TRUE", reasoning: "Two outlets report twelve.", evidenceIds: [first.id] }));
  expectOk(await submitVerdict(desk.checker.session, { verdictId: verdict.id }));
  expectOk(await reviewVerdict(desk.editor.session, { verdictId: verdict.id, revision: 1, outcome: "APPROVED" }));
  expectOk(await publishVerdict(desk.editor.session, { verdictId: verdict.id }));
  return { story, claim, verdictId: verdict.id, evidence: { cited: first.id, extra: second.id }, countedThingId: counted.id };
}

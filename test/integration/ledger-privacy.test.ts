import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb, unique } from "../support/db";
import { createClaim, createStory, createUser } from "../support/factories";
import { getPublishedClaim, getPublishedStory, listAmendments, listPublishedClaims, listPublishedStories } from "../../lib/public/ledger";
import { GET as listClaimsRoute } from "../../app/api/v1/claims/route";
import { GET as claimRoute } from "../../app/api/v1/claims/[slug]/route";
import { GET as storiesRoute } from "../../app/api/v1/stories/route";
import { GET as verdictsFeed } from "../../app/feeds/verdicts.atom/route";
import { GET as correctionsFeed } from "../../app/feeds/corrections.atom/route";
import { GET as exportRoute } from "../../app/export/claimreviews.jsonl/route";
import { GET as dataFeedRoute } from "../../app/export/claimreviews.datafeed.json/route";
import { createPublishedClaim, publishVerdict, retractPublishedClaim } from "./ledger-fixtures";
import { RATINGS } from "../../lib/ratings";

const get = (path: string) => new Request(`http://localhost:3000${path}`);
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("the public ledger never shows unpublished work", () => {
  test("drafts, submitted, approved-only and rejected verdicts, review comments, notes, desk edits and emails stay private", async () => {
    const db = await testDb();
    const mark = unique("secret").replace(/-/g, "");
    const m = (what: string) => `${what}${mark}`;
    const author = await createUser(db, "FACT_CHECKER", { name: m("AUTHORNAME") });
    const reviewer = await createUser(db, "EDITOR", { name: m("REVIEWERNAME") });
    const people = { author, reviewer };
    const story = await createStory(db);

    // Published, with an internal evidence note, a review comment and a pending correction draft.
    const published = await createPublishedClaim(db, people, {
      storyId: story.id,
      text: `Visible claim ${m("PUBLICTEXT")}`,
      reviewComment: m("REVIEWCOMMENT"),
      evidence: [{ stance: "CONTRADICTS", excerpt: "Officials denied it.", note: m("EVIDENCENOTE") }],
    });
    await db.verdict.create({
      data: {
        claimId: published.claim.id,
        rating: "TRUE",
        ratingValue: 5,
        reasoning: m("DRAFTCORRECTION"),
        correctionNote: m("DRAFTCORRECTIONNOTE"),
        supersedesId: published.verdictId,
        authorId: author.id,
        lastEditedById: author.id,
      },
    });

    // The desk's conversation on the published claim, with a mention and its notification: never public.
    await db.claimComment.create({ data: { claimId: published.claim.id, authorId: reviewer.id, body: `@${author.email.split("@")[0]} ${m("DESKCOMMENT")}` } });
    await db.notification.create({ data: { recipientId: author.id, kind: "ASSIGNED", claimId: published.claim.id, actorId: reviewer.id } });

    // Desk work on the published claim after publication: not public until an amendment is published.
    await db.claim.update({ where: { id: published.claim.id }, data: { claimant: m("DESKEDIT") } });

    const draft = await createClaim(db, { storyId: story.id, text: `Draft claim ${m("DRAFTCLAIM")}` });
    await db.verdict.create({ data: { claimId: draft.id, rating: "TRUE", ratingValue: 5, reasoning: m("DRAFTREASONING"), authorId: author.id, lastEditedById: author.id } });

    const submitted = await createClaim(db, { storyId: story.id, text: `Submitted claim ${m("SUBMITTEDCLAIM")}` });
    await db.verdict.create({
      data: { claimId: submitted.id, rating: "FALSE", ratingValue: 1, reasoning: m("SUBMITTEDREASONING"), state: "SUBMITTED", submittedAt: new Date(), authorId: author.id, lastEditedById: author.id },
    });
    await db.claim.update({ where: { id: submitted.id }, data: { status: "IN_REVIEW" } });

    // Claim status says PUBLISHED but the verdict is only approved: still not public.
    const approvedOnly = await createClaim(db, { storyId: story.id, text: `Approved claim ${m("APPROVEDCLAIM")}` });
    const approved = await db.verdict.create({
      data: { claimId: approvedOnly.id, rating: "MIXED", ratingValue: 3, reasoning: m("APPROVEDREASONING"), state: "SUBMITTED", submittedAt: new Date(), authorId: author.id, lastEditedById: author.id },
    });
    await db.reviewDecision.create({ data: { verdictId: approved.id, reviewerId: reviewer.id, outcome: "APPROVED", verdictRevision: 1, comment: m("APPROVEDCOMMENT") } });
    await db.verdict.update({ where: { id: approved.id }, data: { state: "APPROVED" } });
    await db.claim.update({ where: { id: approvedOnly.id }, data: { status: "PUBLISHED" } });

    // A retracted claim whose verdict had been published stays on the record, with its note.
    const retracted = await createClaim(db, { storyId: story.id, text: `Retracted claim ${m("RETRACTEDCLAIM")}` });
    await publishVerdict(db, people, retracted.id, { rating: "FALSE", reasoning: m("RETRACTEDREASONING") });
    await retractPublishedClaim(db, retracted.id, { note: `Misattributed ${m("RETRACTIONNOTE")}`, by: reviewer });
    // A claim whose status was set to PUBLISHED by hand, with no publication: nothing public.
    const statusOnly = await createClaim(db, { storyId: story.id, text: `Status only ${m("STATUSONLY")}` });
    await db.claim.update({ where: { id: statusOnly.id }, data: { status: "PUBLISHED" } });

    const outputs: string[] = [];
    const page = await listPublishedClaims({ story: story.slug, limit: 100 });
    outputs.push(JSON.stringify(page));
    assert.deepEqual(page.items.map((i) => i.slug), [published.claim.slug]);
    for (const slug of [published.claim.slug, draft.slug, submitted.slug, approvedOnly.slug, retracted.slug, statusOnly.slug]) {
      outputs.push(JSON.stringify(await getPublishedClaim(slug)));
      const response = await claimRoute(get(`/api/v1/claims/${slug}`), params(slug));
      assert.equal(response.status, slug === published.claim.slug || slug === retracted.slug ? 200 : 404, slug);
      outputs.push(await response.text());
    }
    outputs.push(JSON.stringify(await getPublishedStory(story.slug)));
    outputs.push(JSON.stringify(await listAmendments({ take: 1000 })));
    outputs.push(JSON.stringify(await listPublishedStories()));
    for (const response of [
      await listClaimsRoute(get(`/api/v1/claims?story=${story.slug}&limit=100`)),
      await listClaimsRoute(get(`/api/v1/claims?q=${mark}`)),
      await storiesRoute(get("/api/v1/stories")),
      await verdictsFeed(get("/feeds/verdicts.atom")),
      await correctionsFeed(get("/feeds/corrections.atom")),
      await exportRoute(get("/export/claimreviews.jsonl")),
      await dataFeedRoute(get("/export/claimreviews.datafeed.json")),
    ]) {
      assert.equal(response.status, 200);
      outputs.push(await response.text());
    }

    const all = outputs.join("\n");
    assert.ok(all.includes(m("PUBLICTEXT")), "the published claim is public");
    // Bylines: who checked and which editor approved are named on purpose (never their emails).
    assert.ok(all.includes(m("AUTHORNAME")) && all.includes(m("REVIEWERNAME")), "the bylines are public");
    assert.ok(all.includes(m("RETRACTEDCLAIM")) && all.includes(m("RETRACTIONNOTE")), "a retraction stays on the record with its note");
    for (const secret of [
      "REVIEWCOMMENT", "DESKCOMMENT", "EVIDENCENOTE", "DRAFTCORRECTION", "DRAFTCLAIM", "DRAFTREASONING", "DESKEDIT", "STATUSONLY",
      "SUBMITTEDCLAIM", "SUBMITTEDREASONING", "APPROVEDCLAIM", "APPROVEDREASONING", "APPROVEDCOMMENT",
    ]) {
      assert.ok(!all.includes(m(secret)), `${secret} leaked`);
    }
    assert.ok(!all.includes(author.email) && !all.includes(reviewer.email), "emails leaked");
    assert.ok(!/"(comment|authorId|reviewerId|lastEditedById|email|passwordHash|createdById|assigneeId)"/.test(all), "internal field names leaked");

    const claim = await getPublishedClaim(published.claim.slug);
    assert.equal(claim?.verdict.rating, "FALSE");
    assert.equal(claim?.verdict.ratingValue, RATINGS.FALSE.value);
    assert.deepEqual(claim?.versions.map((v) => v.kind), ["original"]);
    const gone = await getPublishedClaim(retracted.slug);
    assert.equal(gone?.status, "retracted");
    assert.match(gone?.retraction?.note ?? "", /Misattributed/);
  });
});

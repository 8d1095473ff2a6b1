import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { testDb } from "../support/db";
import { pagePath, postAction, readActionManifest, fullServer, type Fields } from "./support/client";
import {
  auditRowsSince,
  claimWithVerdict,
  createClaim,
  createDocument,
  createEvidence,
  createReaderRequest,
  createUser,
  fingerprint,
  maxAuditId,
  signedInUser,
  type Person,
} from "./support/fixtures";

/*
 * fast-check over every Server Action's input, posted over HTTP by an admin (who may run them all,
 * so the input is what gets tested, not the role). Field names are each form's own plus junk; values
 * are random text (unicode, lone surrogates, NUL, huge), numbers, booleans, SQL-ish strings, random
 * UUIDs and the ids of real rows. Whatever comes in: never a 5xx or a thrown error; a refusal is a
 * typed result (VALIDATION with field errors, NOT_FOUND, CONFLICT, INVALID_STATE) and leaves the
 * database byte-for-byte unchanged; a success always comes with its audit row.
 */

const db = await testDb();
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

/** Each action's form fields (what its page posts). The coverage test fails for an action missing here. */
const FIELDS: Record<string, string[]> = {
  createClaimAction: ["text", "claimant", "claimantType", "claimedAt", "kind", "storyId", "documentId", "sentence", "assigneeId", "confirmDuplicate", "readerRequestId"],
  updateClaimAction: ["id", "version", "text", "claimant", "claimantType", "summary", "claimedAt", "kind", "storyId", "documentId", "sentence"],
  transitionClaimAction: ["id", "to"],
  assignClaimAction: ["id", "assigneeId"],
  attachEvidenceAction: [
    ...["claimId", "url", "outlet", "type", "language", "title", "publishedAt", "archiveUrl", "snapshotText", "reliabilityNote"],
    ...["excerpt", "location", "attribution", "note", "stance", "citesSourceId", "citesUrl", "citesOutlet", "citesType"],
    ...["figureBound", "figureValue", "figureLow", "figureHigh", "figureWords", "figureCounted", "figureAsOf", "figureAsOfEnd", "figureExplanation"],
    ...["excerptLanguage", "translation", "keepSnapshot"],
  ],
  snapshotEvidenceSourceAction: ["evidenceId"],
  confirmSourceAlertAction: ["alertId"],
  importDocumentFromUrlAction: ["url", "outlet", "storyId"],
  bulkUpdateClaimsAction: ["ids", "operation", "assigneeId", "to", "storyId"],
  addCommentAction: ["claimId", "body"],
  markNotificationsReadAction: ["id", "all"],
  createStoryAction: ["title", "summary", "startsOn"],
  updateStoryAction: ["id", "title", "summary", "startsOn"],
  archiveStoryAction: ["id", "archived"],
  removeEvidenceAction: ["id"],
  editEvidenceAction: [
    ...["id", "revision", "excerpt", "location", "attribution", "note", "stance", "excerptLanguage", "translation"],
    ...["citesSourceId", "citesUrl", "citesOutlet", "citesType"],
    ...["figureBound", "figureValue", "figureLow", "figureHigh", "figureWords", "figureCounted", "figureAsOf", "figureAsOfEnd", "figureExplanation"],
  ],
  importDocumentAction: ["title", "outlet", "url", "publishedAt", "storyId", "language", "text"],
  createClaimsFromCandidatesAction: [
    ...["documentId", "pick", "confirmDuplicate", "sentence-0", "text-0", "claimant-0", "claimantType-0", "kind-0", "addSource-0"],
    ...["sentence-12.1", "text-12.1", "claimant-12.1", "kind-12.1"],
  ],
  createCountedThingAction: ["storyId", "label", "unit", "cumulative", "synonyms"],
  updateCountedThingAction: ["id", "label", "unit", "cumulative", "synonyms"],
  mergeCountedThingsAction: ["id", "intoId"],
  updateClaimantAction: ["id", "name", "type", "sameAs", "aliases"],
  importClaimReviewsAction: ["text", "storyId"],
  draftVerdictAction: ["claimId", "rating", "reasoning", "evidenceIds", "asOf", "evidenceGap"],
  editVerdictAction: ["verdictId", "revision", "rating", "reasoning", "evidenceIds", "asOf", "evidenceGap", "correctionNote", "amendmentKind"],
  correctVerdictAction: ["verdictId", "rating", "reasoning", "evidenceIds", "asOf", "evidenceGap", "correctionNote", "amendmentKind"],
  submitVerdictAction: ["verdictId", "revision"],
  reviewVerdictAction: ["verdictId", "revision", "outcome", "comment"],
  publishVerdictAction: ["verdictId"],
  retractClaimAction: ["claimId", "note"],
  withdrawVerdictAction: ["verdictId", "reason"],
  createUserAction: ["email", "name", "role", "confirmAdmin"],
  changeUserRoleAction: ["userId", "role", "confirmAdmin"],
  setUserDisabledAction: ["userId", "disabled"],
  createPasswordLinkAction: ["userId"],
  // Public (no session needed): the page's token is a made-up one, the form's token random.
  setPasswordAction: ["token", "password", "confirmPassword"],
  assignReaderRequestAction: ["id", "assigneeId"],
  linkReaderRequestAction: ["id", "claimSlug"],
  closeReaderRequestAction: ["id", "reason", "note"],
};

const manifest = readActionManifest();

test("coverage: every Server Action of the build is fuzzed", () => {
  assert.ok(manifest.length >= 20);
  assert.deepEqual(manifest.map((a) => a.name).filter((name) => !FIELDS[name]), []);
});

const NASTY = [
  "",
  " ",
  "0",
  "-1",
  "1",
  "2",
  "1e309",
  "NaN",
  "true",
  "on",
  "null",
  "undefined",
  "[]",
  "{}",
  "9".repeat(40),
  "x".repeat(25_000),
  "' OR 1=1 --",
  "'; DROP TABLE claims; --",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "😀",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "https://example.org/x",
  "ftp://example.org/x",
  "2022-01-06",
  "2022-01-06T10:00",
  "0000-00-00",
  "$undefined",
  "$@1",
  "$K1",
  "__proto__",
  "EVENT",
  "NUMERIC",
  "FALSE",
  "UNPROVEN",
  "APPROVED",
  "REJECTED",
  "RESEARCHING",
  "PUBLISHED",
  "ADMIN",
  "EDITOR",
  "SUPPORTS",
  "WIRE",
];

const ENUMS = new Set(["REFUSED", "VALIDATION", "NOT_FOUND", "CONFLICT", "INVALID_STATE", "FORBIDDEN", "RATE_LIMITED"]);

for (const server of [fullServer()]) {
  describe(`every Server Action under random input, as an admin (${server.name})`, () => {
    let admin: Person;
    let ids: string[];
    let params: Record<string, string>;
    let requestParams: Record<string, string>;

    before(async () => {
      admin = await signedInUser(db, server.url, "ADMIN");
      const author = await createUser(db, "FACT_CHECKER");
      const reviewer = await createUser(db, "EDITOR");
      const people = { authorId: author.id, reviewerId: reviewer.id };
      const [draft, submitted, published, doc, evidence, story] = await Promise.all([
        claimWithVerdict(db, "DRAFT", people),
        claimWithVerdict(db, "SUBMITTED", people),
        claimWithVerdict(db, "PUBLISHED", people),
        createDocument(db),
        createEvidence(db),
        db.story.findFirst({ select: { id: true } }),
      ]);
      const claim = await createClaim(db);
      const [suggestion, correction] = await Promise.all([createReaderRequest(db), createReaderRequest(db, { kind: "CORRECTION", claimId: published.claim.id })]);
      // Real rows for random input to land on (never the admin itself: its session must survive).
      ids = [
        draft.claim.id,
        draft.verdict.id,
        submitted.verdict.id,
        published.verdict.id,
        published.claim.id,
        claim.id,
        doc.id,
        evidence.evidence.id,
        author.id,
        reviewer.id,
        ...(story ? [story.id] : []),
        suggestion.id,
        correction.id,
        claim.slug,
      ];
      params = { slug: claim.slug, id: doc.id, token: "fuzz-made-up-token" };
      // The reader request page hosts the triage actions.
      requestParams = { slug: claim.slug, id: correction.id, token: "fuzz-made-up-token" };
    });

    for (const entry of manifest) {
      test(`${entry.name}: no 5xx, typed refusals, nothing half-written`, async () => {
        const names = FIELDS[entry.name] ?? [];
        const value = fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
          { weight: 3, arbitrary: fc.constantFrom(...ids) },
          { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
          { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
          { weight: 1, arbitrary: fc.uuid().map(String) },
          { weight: 1, arbitrary: fc.integer().map(String) },
          { weight: 1, arbitrary: fc.constant(randomUUID()) },
        );
        const field = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) });
        const form = fc.array(fc.tuple(field, fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }))), { maxLength: names.length + 3 });

        await fc.assert(
          fc.asyncProperty(form, async (pairs) => {
            const fields: Fields = {};
            for (const [name, v] of pairs) if (!name.startsWith("$ACTION")) fields[name] = v;
            const snapshot = await fingerprint(db);
            const since = await maxAuditId(db);
            const reply = await postAction(server.url, { id: entry.id, path: pagePath(entry.pages[0]!, entry.pages[0]!.includes("/requests/") ? requestParams : params), cookie: admin.cookie, fields });
            assert.ok(reply.status < 500, `HTTP ${reply.status} for ${JSON.stringify(fields).slice(0, 300)}: ${reply.text.slice(0, 300)}`);
            if (reply.redirect !== null || reply.result?.ok === true) {
              // Success either wrote with its audit row, or was an idempotent repeat that wrote nothing.
              const audited = (await auditRowsSince(db, since, admin.id)).length > 0;
              assert.ok(audited || isDeepStrictEqual(await fingerprint(db), snapshot), "a write without its audit row");
              return;
            }
            assert.equal(reply.result?.ok, false, `a typed result, got ${reply.text.slice(0, 300)}`);
            assert.ok(ENUMS.has(reply.result.code ?? ""), `unexpected code ${reply.result.code}`);
            if (reply.result.code === "VALIDATION") {
              const errors = reply.result.fieldErrors;
              assert.ok(
                (typeof errors === "object" && errors !== null && Object.keys(errors).length > 0) || typeof reply.result.message === "string",
                "a validation refusal says what to fix",
              );
            }
            assert.deepEqual(await fingerprint(db), snapshot, `refused (${reply.result.code}) but the database changed`);
          }),
          { numRuns: RUNS },
        );
      });
    }
  });
}

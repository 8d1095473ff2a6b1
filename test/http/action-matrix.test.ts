import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDb } from "../support/db";
import { TEST_PASSWORD } from "../support/factories";
import { pagePath, postAction, readActionManifest, servers, signInOverHttp, type Fields, type Server } from "./support/client";
import { ACTIONS } from "../../lib/services/define";
import { registeredActions } from "../support/actions";
import { issuePasswordLink, tokenDigest } from "../../lib/auth/password-links";
import {
  ARTICLE,
  ARTICLE_SENTENCE,
  auditRowsSince,
  claimReviewJson,
  claimWithVerdict,
  countedThing,
  createClaim,
  createDocument,
  createEvidence,
  createStory,
  createReaderRequest,
  createUser,
  fingerprint,
  maxAuditId,
  signedInUser,
  unique,
  type Person,
} from "./support/fixtures";

/*
 * The role x action matrix over the real HTTP surface: every Server Action of the build is posted to
 * a running `next start` server (as the browser does: Next-Action header, encodeReply body) by each
 * kind of caller, with proxy.ts's redirect switched off (anonymous callers also with it active). Every
 * denial is asserted twice: the reply names the refusal, and not one row was written.
 * Every allowed call must succeed and leave an audit row by its caller, so a matrix that refused
 * everyone would fail too.
 */

const db = await testDb();

const COLUMNS = ["anonymous", "fact-checker", "editor", "admin", "disabled", "demoted"] as const;
type Column = (typeof COLUMNS)[number];
type Expected = "allow" | "fetch" | "public" | "UNAUTHENTICATED" | "FORBIDDEN";
const Y: Expected = "allow";
// Allowed, and then refused by the page fetcher: the servers under test fetch nothing
// (CLAIMDESK_FETCH_DISABLED), so the call passes the role check and ends in the fetcher's refusal.
const R: Expected = "fetch";
// Public: whoever holds a valid one-time password link may use it, signed in or not (the link, not
// a session, is the credential); the write is audited with no actor.
const P: Expected = "public";
const U: Expected = "UNAUTHENTICATED";
const F: Expected = "FORBIDDEN";

/*
 * Written out by hand from the product's rules, NOT derived from lib/auth/permissions.ts (a table
 * computed from the code under test could never disagree with it):
 * - fact-checkers research: claims, evidence, documents, imports, drafting and submitting verdicts,
 *   and add what a new figure counts to a story's vocabulary;
 * - editors curate that vocabulary (rename, synonyms, running total or not, merge);
 * - fact-checkers may withdraw a verdict from review (it goes back to draft, the claim out of review);
 * - editors also review and publish (and retract);
 * - admins also manage accounts;
 * - everyone on the desk comments, reads their notifications and works on claims in bulk; editors
 *   and admins create, edit and archive stories;
 * - everyone on the desk imports an article by its address and keeps a copy of a cited page; only
 *   editors and admins confirm that a cited page changed (it changes a public page);
 * - only admins invite people and make password reset links; whoever holds a valid link sets that
 *   account's password, with or without a session (setPasswordAction);
 * - nobody without a live session does anything else: anonymous, a disabled account (here an admin
 *   disabled after signing in) and a demoted one (an editor lowered to fact-checker after signing
 *   in: the role change ends the session, so even fact-checker actions are refused on that cookie).
 */
// prettier-ignore
const EXPECTED: Record<string, Record<Column, Expected>> = row({
  //                                anonymous  fact-checker  editor  admin  disabled  demoted
  createClaimAction:                [U,        Y,            Y,      Y,     U,        U],
  updateClaimAction:                [U,        Y,            Y,      Y,     U,        U],
  transitionClaimAction:            [U,        Y,            Y,      Y,     U,        U],
  assignClaimAction:                [U,        Y,            Y,      Y,     U,        U],
  attachEvidenceAction:             [U,        Y,            Y,      Y,     U,        U],
  editEvidenceAction:               [U,        Y,            Y,      Y,     U,        U],
  removeEvidenceAction:             [U,        Y,            Y,      Y,     U,        U],
  importDocumentAction:             [U,        Y,            Y,      Y,     U,        U],
  createCountedThingAction:         [U,        Y,            Y,      Y,     U,        U],
  updateCountedThingAction:         [U,        F,            Y,      Y,     U,        U],
  mergeCountedThingsAction:         [U,        F,            Y,      Y,     U,        U],
  updateClaimantAction:             [U,        F,            Y,      Y,     U,        U],
  createClaimsFromCandidatesAction: [U,        Y,            Y,      Y,     U,        U],
  importClaimReviewsAction:         [U,        Y,            Y,      Y,     U,        U],
  draftVerdictAction:               [U,        Y,            Y,      Y,     U,        U],
  editVerdictAction:                [U,        Y,            Y,      Y,     U,        U],
  correctVerdictAction:             [U,        Y,            Y,      Y,     U,        U],
  submitVerdictAction:              [U,        Y,            Y,      Y,     U,        U],
  reviewVerdictAction:              [U,        F,            Y,      Y,     U,        U],
  publishVerdictAction:             [U,        F,            Y,      Y,     U,        U],
  retractClaimAction:               [U,        F,            Y,      Y,     U,        U],
  withdrawVerdictAction:            [U,        Y,            Y,      Y,     U,        U],
  createUserAction:                 [U,        F,            F,      Y,     U,        U],
  changeUserRoleAction:             [U,        F,            F,      Y,     U,        U],
  setUserDisabledAction:            [U,        F,            F,      Y,     U,        U],
  createPasswordLinkAction:         [U,        F,            F,      Y,     U,        U],
  setPasswordAction:                [P,        P,            P,      P,     P,        P],
  assignReaderRequestAction:        [U,        Y,            Y,      Y,     U,        U],
  linkReaderRequestAction:          [U,        Y,            Y,      Y,     U,        U],
  closeReaderRequestAction:         [U,        Y,            Y,      Y,     U,        U],
  addCommentAction:                 [U,        Y,            Y,      Y,     U,        U],
  markNotificationsReadAction:      [U,        Y,            Y,      Y,     U,        U],
  bulkUpdateClaimsAction:           [U,        Y,            Y,      Y,     U,        U],
  createStoryAction:                [U,        F,            Y,      Y,     U,        U],
  updateStoryAction:                [U,        F,            Y,      Y,     U,        U],
  archiveStoryAction:               [U,        F,            Y,      Y,     U,        U],
  importDocumentFromUrlAction:      [U,        R,            R,      R,     U,        U],
  snapshotEvidenceSourceAction:     [U,        R,            R,      R,     U,        U],
  confirmSourceAlertAction:         [U,        F,            Y,      Y,     U,        U],
});

function row(table: Record<string, Expected[]>): Record<string, Record<Column, Expected>> {
  return Object.fromEntries(
    Object.entries(table).map(([name, cells]) => {
      assert.equal(cells.length, COLUMNS.length, `${name}: one cell per column`);
      return [name, Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]!])) as Record<Column, Expected>];
    }),
  );
}

/** People who are not columns: the author of fixture verdicts and the editor who approved them. */
type Cast = { author: Person; reviewer: Person; checker: Person };

/** Valid input for each action (so a refusal can only come from the caller), fresh rows per call. */
type Scenario = (cast: Cast) => Promise<{ params?: Record<string, string>; fields: Fields }>;
const content = { rating: "FALSE", reasoning: "No outlet or official source reports it." };
const people = (cast: Cast) => ({ authorId: cast.author.id, reviewerId: cast.reviewer.id });

const SCENARIOS: Record<string, Scenario> = {
  createClaimAction: async () => ({ fields: { text: `Matrix claim ${unique()}`, claimant: "Someone", kind: "EVENT", confirmDuplicate: "on" } }),
  updateClaimAction: async () => {
    const claim = await createClaim(db);
    return { params: { slug: claim.slug }, fields: { id: claim.id, version: "1", text: `Changed ${unique()}`, claimant: "Changed", kind: "EVENT" } };
  },
  transitionClaimAction: async () => {
    const claim = await createClaim(db);
    return { params: { slug: claim.slug }, fields: { id: claim.id, to: "RESEARCHING" } };
  },
  assignClaimAction: async (cast) => {
    const claim = await createClaim(db);
    return { params: { slug: claim.slug }, fields: { id: claim.id, assigneeId: cast.checker.id } };
  },
  attachEvidenceAction: async () => {
    const claim = await createClaim(db);
    return {
      params: { slug: claim.slug },
      fields: { claimId: claim.id, url: `https://matrix.example/${unique()}`, outlet: "Outlet", type: "WIRE", excerpt: "Text", stance: "SUPPORTS" },
    };
  },
  editEvidenceAction: async () => {
    const { claim, evidence } = await createEvidence(db);
    return { params: { slug: claim.slug }, fields: { id: evidence.id, revision: String(evidence.revision), excerpt: "Edited text", stance: "CONTRADICTS" } };
  },
  removeEvidenceAction: async () => {
    const { claim, evidence } = await createEvidence(db);
    return { params: { slug: claim.slug }, fields: { id: evidence.id } };
  },
  importDocumentAction: async () => ({ fields: { title: unique("doc"), outlet: "Wire", text: ARTICLE } }),
  createCountedThingAction: async () => ({ fields: { storyId: (await createStory(db)).id, label: unique("detained"), unit: "people", cumulative: "on", synonyms: "arrested" } }),
  updateCountedThingAction: async () => {
    const thing = await countedThing(db, { storyId: (await createStory(db)).id, label: "detained" });
    return { fields: { id: thing.id, label: "people detained", unit: "people", synonyms: "arrested, detained" } };
  },
  mergeCountedThingsAction: async () => {
    const story = await createStory(db);
    const [from, into] = [await countedThing(db, { storyId: story.id, label: "people killed" }), await countedThing(db, { storyId: story.id, label: "deaths" })];
    return { fields: { id: from.id, intoId: into.id } };
  },
  updateClaimantAction: async () => {
    const claimant = await db.claimant.create({ data: { name: unique("Claimant") } });
    return { fields: { id: claimant.id, name: claimant.name, type: "ORGANISATION", sameAs: "https://example.org/claimant", aliases: "" } };
  },
  createClaimsFromCandidatesAction: async () => {
    const doc = await createDocument(db);
    return {
      params: { id: doc.id },
      fields: { documentId: doc.id, pick: "0", "sentence-0": ARTICLE_SENTENCE, "text-0": ARTICLE_SENTENCE, "claimant-0": "Almaty police", "kind-0": "NUMERIC", confirmDuplicate: "1" },
    };
  },
  importClaimReviewsAction: async () => ({ fields: { text: claimReviewJson() } }),
  draftVerdictAction: async () => {
    const claim = await createClaim(db);
    return { params: { slug: claim.slug }, fields: { claimId: claim.id, ...content } };
  },
  editVerdictAction: async (cast) => {
    const { claim, verdict } = await claimWithVerdict(db, "DRAFT", people(cast));
    return { params: { slug: claim.slug }, fields: { verdictId: verdict.id, revision: "1", ...content, reasoning: "Tightened over HTTP." } };
  },
  correctVerdictAction: async (cast) => {
    const { claim, verdict } = await claimWithVerdict(db, "PUBLISHED", people(cast));
    return {
      params: { slug: claim.slug },
      fields: { verdictId: verdict.id, ...content, rating: "MOSTLY_FALSE", correctionNote: "A second source changes the count." },
    };
  },
  submitVerdictAction: async (cast) => {
    const { claim, verdict } = await claimWithVerdict(db, "DRAFT", people(cast));
    return { params: { slug: claim.slug }, fields: { verdictId: verdict.id } };
  },
  reviewVerdictAction: async (cast) => {
    const { claim, verdict } = await claimWithVerdict(db, "SUBMITTED", people(cast));
    return { params: { slug: claim.slug }, fields: { verdictId: verdict.id, revision: "1", outcome: "APPROVED" } };
  },
  publishVerdictAction: async (cast) => {
    const { claim, verdict } = await claimWithVerdict(db, "APPROVED", people(cast));
    return { params: { slug: claim.slug }, fields: { verdictId: verdict.id } };
  },
  retractClaimAction: async (cast) => {
    const { claim } = await claimWithVerdict(db, "PUBLISHED", people(cast));
    return { params: { slug: claim.slug }, fields: { claimId: claim.id, note: "Retracted: the claim was misattributed." } };
  },
  withdrawVerdictAction: async (cast) => {
    const { claim, verdict } = await claimWithVerdict(db, "SUBMITTED", people(cast));
    return { params: { slug: claim.slug }, fields: { verdictId: verdict.id, reason: "A second source is coming." } };
  },
  createUserAction: async () => ({ fields: { email: `${unique("matrix")}@claimdesk.test`, name: "New Person", role: "EDITOR" } }),
  changeUserRoleAction: async () => ({ fields: { userId: (await createUser(db, "EDITOR")).id, role: "FACT_CHECKER" } }),
  setUserDisabledAction: async () => ({ fields: { userId: (await createUser(db, "FACT_CHECKER")).id, disabled: "true" } }),
  createPasswordLinkAction: async () => ({ fields: { userId: (await createUser(db, "FACT_CHECKER")).id } }),
  setPasswordAction: async () => {
    const user = await createUser(db, "FACT_CHECKER");
    const { token } = await db.$transaction((tx) => issuePasswordLink(tx, { userId: user.id, purpose: "RESET", createdById: null }));
    return { params: { token }, fields: { token, password: "a fresh passphrase", confirmPassword: "a fresh passphrase" } };
  },
  assignReaderRequestAction: async (cast) => {
    const request = await createReaderRequest(db);
    return { params: { id: request.id }, fields: { id: request.id, assigneeId: cast.checker.id } };
  },
  linkReaderRequestAction: async () => {
    const [request, claim] = await Promise.all([createReaderRequest(db), createClaim(db)]);
    return { params: { id: request.id }, fields: { id: request.id, claimSlug: claim.slug } };
  },
  closeReaderRequestAction: async () => {
    const request = await createReaderRequest(db, { kind: "CORRECTION" });
    return { params: { id: request.id }, fields: { id: request.id, reason: "NO_ERROR_FOUND" } };
  },
  addCommentAction: async () => {
    const claim = await createClaim(db);
    return { params: { slug: claim.slug }, fields: { claimId: claim.id, body: "Who has the decree?" } };
  },
  markNotificationsReadAction: async () => ({ fields: { all: "1" } }),
  bulkUpdateClaimsAction: async (cast) => ({ fields: { ids: (await createClaim(db)).id, operation: "assign", assigneeId: cast.checker.id } }),
  createStoryAction: async () => ({ fields: { title: `Matrix story ${unique()}` } }),
  importDocumentFromUrlAction: async () => ({ fields: { url: `https://matrix.example/${unique()}` } }),
  snapshotEvidenceSourceAction: async () => {
    const { claim, evidence } = await createEvidence(db);
    return { params: { slug: claim.slug }, fields: { evidenceId: evidence.id } };
  },
  confirmSourceAlertAction: async () => {
    const { claim, evidence } = await createEvidence(db);
    const text = "The page as it was cited.";
    const digest = "0".repeat(64);
    const before = await db.sourceSnapshot.create({
      data: { sourceId: evidence.sourceId, finalUrl: "https://matrix.example/page", status: 200, headers: {}, html: `<p>${text}</p>`, htmlSha256: digest, mainText: text, mainTextSha256: digest },
    });
    const alert = await db.sourceAlert.create({ data: { sourceId: evidence.sourceId, kind: "GONE", status: 410, beforeSnapshotId: before.id } });
    return { params: { slug: claim.slug }, fields: { alertId: alert.id } };
  },
  updateStoryAction: async () => {
    const story = await createStory(db);
    return { params: { id: story.id }, fields: { id: story.id, title: "Renamed over HTTP" } };
  },
  archiveStoryAction: async () => {
    const story = await createStory(db);
    return { params: { id: story.id }, fields: { id: story.id, archived: "true" } };
  },
};

const manifest = readActionManifest();
const byName = new Map(manifest.map((entry) => [entry.name, entry]));

test("coverage: every Server Action of the build has a matrix row and a scenario, and nothing else does", () => {
  const built = manifest.map((a) => a.name).sort();
  assert.ok(built.length >= 20, `the build has ${built.length} Server Actions`);
  assert.deepEqual(built.filter((name) => !EXPECTED[name] || !SCENARIOS[name]), [], "actions without a row in EXPECTED or a scenario");
  assert.deepEqual(Object.keys(EXPECTED).filter((name) => !byName.has(name)).sort(), [], "rows for actions the build does not have");
  assert.deepEqual(Object.keys(EXPECTED).sort(), Object.keys(SCENARIOS).sort());
});

test("coverage: every action registered with defineAction() is reachable as a Server Action of the build", async () => {
  const registered = [...(await registeredActions()).keys()];
  assert.equal(registered.length, ACTIONS.size, "every registered action is exported by a service module");
  // The Server Action wrapping service `x` is `xAction` (lib/actions/*.ts).
  assert.deepEqual(registered.filter((name) => !byName.has(`${name}Action`) || !EXPECTED[`${name}Action`]), []);
});

/** Any real slug/id fills dynamic segments of pages that a scenario does not pin. */
async function defaultParams(): Promise<Record<string, string>> {
  const claim = await createClaim(db);
  const doc = await createDocument(db);
  return { slug: claim.slug, id: doc.id, token: "matrix-made-up-token" };
}

for (const server of servers()) {
  // The whole matrix runs where the proxy's redirect is off (every refusal must come from the action
  // itself); the server as shipped gets the anonymous column, the one the proxy's redirect changes.
  const columns: readonly Column[] = server.proxyDisabled ? COLUMNS : ["anonymous"];
  describe(`role x action matrix over HTTP (${server.name}${server.proxyDisabled ? "" : ", anonymous callers"})`, () => {
    const caller = new Map<Column, Person | null>();
    let cast: Cast;
    let fallback: Record<string, string>;

    before(async () => {
      fallback = await defaultParams();
      const [checker, author, reviewer] = await Promise.all([
        signedInUser(db, server.url, "FACT_CHECKER"),
        signedInUser(db, server.url, "FACT_CHECKER"),
        signedInUser(db, server.url, "EDITOR"),
      ]);
      cast = { author, reviewer, checker };
      caller.set("anonymous", null);
      if (!server.proxyDisabled) return;
      const [editor, admin, disabled, demoted] = await Promise.all([
        signedInUser(db, server.url, "EDITOR"),
        signedInUser(db, server.url, "ADMIN"),
        signedInUser(db, server.url, "ADMIN"),
        signedInUser(db, server.url, "EDITOR"),
      ]);
      // Both cookies work before the change, so the refusals below come from the change itself.
      for (const who of [disabled, demoted]) {
        const { params, fields } = await SCENARIOS.transitionClaimAction!(cast);
        const reply = await call(server, "transitionClaimAction", who, fields, params);
        assert.equal(reply.result?.ok, true, `${who.email} can act before the change: ${reply.text.slice(0, 300)}`);
      }
      // The admin disables one account and demotes the other, through the app's own actions.
      const off = await call(server, "setUserDisabledAction", admin, { userId: disabled.id, disabled: "true" });
      assert.equal(off.result?.ok, true, off.text.slice(0, 300));
      const down = await call(server, "changeUserRoleAction", admin, { userId: demoted.id, role: "FACT_CHECKER" });
      assert.equal(down.result?.ok, true, down.text.slice(0, 300));
      const rows = await db.user.findMany({ where: { id: { in: [disabled.id, demoted.id] } }, select: { id: true, disabled: true, role: true } });
      assert.deepEqual(rows.find((r) => r.id === disabled.id)?.disabled, true);
      assert.deepEqual(rows.find((r) => r.id === demoted.id)?.role, "FACT_CHECKER");
      caller.set("fact-checker", checker).set("editor", editor).set("admin", admin);
      caller.set("disabled", disabled).set("demoted", demoted);
    });

    async function call(target: Server, name: string, who: Person | null, fields: Fields, params: Record<string, string> = {}) {
      const entry = byName.get(name);
      assert.ok(entry, `${name} is in the build`);
      return postAction(target.url, { id: entry.id, path: pagePath(entry.pages[0]!, { ...fallback, ...params }), cookie: who?.cookie ?? null, fields });
    }

    for (const name of Object.keys(EXPECTED)) {
      for (const column of columns) {
        const expected = EXPECTED[name]![column];
        test(`${name} as ${column}: ${expected === "allow" ? "allowed" : expected === "public" ? "allowed to whoever holds the link" : expected === "fetch" ? "allowed, then the fetcher refuses" : `refused (${expected})`}`, async () => {
          const who = caller.get(column) ?? null;
          const { params, fields } = await SCENARIOS[name]!(cast);
          const snapshot = await fingerprint(db);
          const since = await maxAuditId(db);
          const reply = await call(server, name, who, fields, params);
          assert.ok(reply.status < 500, `HTTP ${reply.status}: ${reply.text.slice(0, 300)}`);

          if (expected === "public") {
            assert.ok(reply.result?.ok === true || reply.redirect !== null, `expected success, got ${reply.text.slice(0, 300)}`);
            const link = await db.passwordLink.findUniqueOrThrow({ where: { tokenSha256: tokenDigest(String(fields.token)) }, select: { usedAt: true, userId: true } });
            assert.ok(link.usedAt, "the link was used");
            const rows = await db.auditLog.count({ where: { id: { gt: since }, actorId: null, action: "user.password_set", entityId: link.userId } });
            assert.equal(rows, 1, "one audit row, with no actor");
            return;
          }
          if (expected === "allow") {
            assert.ok(who, "only signed-in callers can be allowed");
            assert.ok(reply.result?.ok === true || reply.redirect !== null, `expected success, got ${JSON.stringify(reply.result)}`);
            assert.ok((await auditRowsSince(db, since, who.id)).length > 0, "an allowed call leaves an audit row by its caller");
            return;
          }
          if (expected === "fetch") {
            assert.equal(reply.result?.ok, false, `expected the fetcher's refusal, got ${reply.text.slice(0, 300)}`);
            assert.ok(reply.result?.code === "VALIDATION" || reply.result?.code === "INVALID_STATE", `past the role check: ${reply.result?.code}`);
            assert.match(reply.text, /does not fetch pages/);
          } else if (column === "anonymous" && !server.proxyDisabled) {
            // proxy.ts turns an anonymous /desk request away before any action code runs.
            assert.ok(reply.status >= 300 && reply.status < 400 && /\/login\b/.test(reply.location ?? ""), `proxy redirect, got ${reply.status}`);
          } else {
            assert.equal(reply.result?.ok, false, `expected a refusal, got ${reply.text.slice(0, 300)}`);
            assert.equal(reply.result?.code, expected);
          }
          assert.equal(reply.redirect, null, "a refused action redirects nowhere");
          assert.deepEqual(await fingerprint(db), snapshot, "a refused call writes nothing");
        });
      }
    }

    if (server.proxyDisabled) {
      test("the demoted editor signs in again and gets exactly the fact-checker's rights", async () => {
        const demoted = caller.get("demoted")!;
        const fresh = await signInOverHttp(server.url, demoted.email, TEST_PASSWORD);
        assert.ok(fresh.cookie, "a demoted account can still sign in");
        const again = { ...demoted, cookie: fresh.cookie };
        for (const name of ["reviewVerdictAction", "transitionClaimAction"] as const) {
          const { params, fields } = await SCENARIOS[name]!(cast);
          const snapshot = await fingerprint(db);
          const reply = await call(server, name, again, fields, params);
          const expected = EXPECTED[name]!["fact-checker"];
          if (expected === "allow") assert.equal(reply.result?.ok, true, reply.text.slice(0, 300));
          else {
            assert.equal(reply.result?.code, expected);
            assert.deepEqual(await fingerprint(db), snapshot);
          }
        }
      });
    }
  });
}

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../e2e/browser";
import { testDb } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { pagePath, postAction, readActionManifest, readActionReply, fullServer } from "./support/client";
import { claimWithVerdict, fingerprint, signedInUser } from "./support/fixtures";

/*
 * Replay: an editor approves verdicts in a real browser; the Server Action requests are captured on
 * the wire (and held back, so the original never reaches the server). One captured request replayed
 * byte for byte while the editor is still an editor is honoured: replaying works. The editor is then
 * demoted by an admin, and the other captured request, replayed with the same cookie, headers and
 * body, is refused with nothing written. So is a second replay of the first one.
 */

const db = await testDb();
const changeRole = readActionManifest().find((a) => a.name === "changeUserRoleAction");
let browser: Browser;

before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser.close();
});

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

// Headers fetch() sets itself (or refuses to take from a caller).
const TRANSPORT = new Set(["host", "connection", "content-length", "accept-encoding", "keep-alive", "transfer-encoding"]);

async function replay(request: Captured) {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !TRANSPORT.has(name) && !name.startsWith(":")));
  return readActionReply(await fetch(request.url, { method: "POST", headers, body: new Uint8Array(request.body), redirect: "manual" }));
}

for (const server of [fullServer()]) {
  describe(`replay of a captured Server Action after demotion (${server.name})`, () => {
    test("an editor's captured approval is refused once the editor is demoted", async () => {
      assert.ok(changeRole, "changeUserRoleAction is in the build");
      const editor = await createUser(db, "EDITOR");
      const author = await createUser(db, "FACT_CHECKER");
      const admin = await signedInUser(db, server.url, "ADMIN");
      const first = await claimWithVerdict(db, "SUBMITTED", { authorId: author.id, reviewerId: admin.id });
      const second = await claimWithVerdict(db, "SUBMITTED", { authorId: author.id, reviewerId: admin.id });

      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      const captured: Captured[] = [];
      await page.route("**/desk/claims/**", async (route) => {
        const request = route.request();
        const headers = await request.allHeaders();
        if (request.method() === "POST" && headers["next-action"]) {
          captured.push({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
          await route.abort();
        } else {
          await route.continue();
        }
      });

      // Sign in through the login page, like a person.
      await page.goto("/login");
      await page.getByLabel("Email").fill(editor.email);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/desk/);

      for (const { claim } of [first, second]) {
        const before = captured.length;
        await page.goto(`/desk/claims/${claim.slug}`);
        await page.getByLabel("Review comment").fill("Checked against the wire copy.");
        await page.getByRole("button", { name: "Approve" }).click();
        for (let i = 0; i < 100 && captured.length === before; i++) await page.waitForTimeout(100);
        assert.equal(captured.length, before + 1, "the approval was posted as a Server Action");
      }
      await context.close();
      const [approveFirst, approveSecond] = captured as [Captured, Captured];
      assert.match(approveFirst.headers.cookie ?? "", /next-auth\.session-token=/, "the captured request carries the session cookie");
      const states = async () =>
        (await db.verdict.findMany({ where: { id: { in: [first.verdict.id, second.verdict.id] } }, select: { id: true, state: true } }))
          .map((v) => `${v.id === first.verdict.id ? "first" : "second"}:${v.state}`)
          .sort();
      assert.deepEqual(await states(), ["first:SUBMITTED", "second:SUBMITTED"], "held back: the originals never reached the server");

      // Control: while the editor is an editor, a byte-for-byte replay is honoured.
      const honoured = await replay(approveFirst);
      assert.equal(honoured.result?.ok, true, `replay before demotion: ${honoured.text.slice(0, 300)}`);
      assert.deepEqual(await states(), ["first:APPROVED", "second:SUBMITTED"]);

      // An admin demotes the editor.
      const demote = await postAction(server.url, { id: changeRole.id, path: pagePath(changeRole.pages[0]!, {}), cookie: admin.cookie, fields: { userId: editor.id, role: "FACT_CHECKER" } });
      assert.equal(demote.result?.ok, true, demote.text.slice(0, 300));

      const snapshot = await fingerprint(db);
      for (const request of [approveSecond, approveFirst]) {
        const refused = await replay(request);
        assert.ok(refused.status < 500, `HTTP ${refused.status}`);
        assert.equal(refused.result?.ok, false, `replay after demotion: ${refused.text.slice(0, 300)}`);
        assert.equal(refused.result?.code, "UNAUTHENTICATED");
      }
      assert.deepEqual(await fingerprint(db), snapshot, "the refused replays wrote nothing");
      assert.deepEqual(await states(), ["first:APPROVED", "second:SUBMITTED"]);
      assert.equal(await db.reviewDecision.count({ where: { verdictId: second.verdict.id, reviewerId: editor.id } }), 0);
    });
  });
}

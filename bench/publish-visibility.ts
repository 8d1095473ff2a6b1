import pg from "pg";
import { postAction, readActionManifest, type ActionReply } from "../test/http/support/client";
import { signIn } from "./session";

/*
 * Publish → visible: one claim goes through the desk's real Server Actions over HTTP (a
 * fact-checker drafts and submits, one editor approves, another publishes), and every origin
 * (each instance, and nginx in front) is polled for the claim's page, its API record and the ledger's
 * page listing it, each already cached before the publish. The figure is the time from the
 * publish action's answer to the first round that found it everywhere.
 */

export type PublishVisibility = { milliseconds: number; perOrigin: Record<string, number> };

const POLL_MS = 25;
const GIVE_UP_MS = 15_000;

function action(name: string): string {
  const entry = readActionManifest().find((a) => a.name === name);
  if (!entry) throw new Error(`${name} is not in the build's action manifest`);
  return entry.id;
}

function expectOk(step: string, reply: ActionReply): void {
  if (reply.status !== 200 || reply.result?.ok !== true) throw new Error(`${step}: ${reply.status} ${reply.result?.message ?? reply.text.slice(0, 200)}`);
}

async function shows(origin: string, slug: string): Promise<boolean> {
  const [page, record, ledger] = await Promise.all([`/claims/${slug}`, `/api/v1/claims/${slug}`, "/"].map((path) => fetch(origin + path)));
  const [, , home] = await Promise.all([page!.arrayBuffer(), record!.arrayBuffer(), ledger!.text()]);
  for (const response of [page!, record!, ledger!]) {
    if (![200, 404].includes(response.status)) throw new Error(`${origin} answered ${response.status} while the publication spread`);
  }
  return page!.status === 200 && record!.status === 200 && home.includes(`href="/claims/${slug}"`);
}

export async function measurePublishVisibility(options: { url: string; origins: string[]; users: { checker: string; editor: string; reviewer: string }; password: string }): Promise<PublishVisibility> {
  const desk = options.origins[0]!;
  // One after another: each sign-in's scrypt holds 128 MiB, and three at once would be the app's peak memory.
  const checker = await signIn(desk, options.users.checker, options.password);
  const editor = await signIn(desk, options.users.editor, options.password);
  const reviewer = await signIn(desk, options.users.reviewer, options.password);
  const db = new pg.Client({ connectionString: options.url });
  await db.connect();
  try {
    const text = `Bench publication ${Date.now()}: the ministry said 40 new schools opened this year.`;
    const created = await postAction(desk, { id: action("createClaimAction"), path: "/desk/claims/new", cookie: checker, fields: { text, claimant: "Bench Ministry", kind: "NUMERIC", confirmDuplicate: "on" } });
    const slug = decodeURIComponent(/^\/desk\/claims\/([^/?;]+)/.exec(created.redirect ?? "")?.[1] ?? "");
    if (!slug) throw new Error(`creating the claim: ${created.status} ${created.result?.message ?? created.text.slice(0, 200)}`);
    const claimId = (await db.query<{ id: string }>(`SELECT "id" FROM "claims" WHERE "slug" = $1`, [slug])).rows[0]!.id;
    const deskPage = `/desk/claims/${slug}`;
    expectOk("drafting", await postAction(desk, { id: action("draftVerdictAction"), path: deskPage, cookie: checker, fields: { claimId, rating: "FALSE", reasoning: "No record of these schools exists." } }));
    const verdictId = (await db.query<{ id: string }>(`SELECT "id" FROM "verdicts" WHERE "claim_id" = $1`, [claimId])).rows[0]!.id;
    expectOk("submitting", await postAction(desk, { id: action("submitVerdictAction"), path: deskPage, cookie: checker, fields: { verdictId } }));
    expectOk("approving", await postAction(desk, { id: action("reviewVerdictAction"), path: "/desk/review", cookie: reviewer, fields: { verdictId, revision: "1", outcome: "APPROVED" } }));

    // Every origin has read, and cached, the ledger and the claim while it was unpublished.
    for (const origin of options.origins) if (await shows(origin, slug)) throw new Error(`${origin} shows ${slug} before it was published`);
    expectOk("publishing", await postAction(desk, { id: action("publishVerdictAction"), path: "/desk/review", cookie: editor, fields: { verdictId } }));
    const published = performance.now();
    const perOrigin: Record<string, number> = {};
    while (Object.keys(perOrigin).length < options.origins.length) {
      if (performance.now() - published > GIVE_UP_MS) throw new Error(`not visible everywhere after ${GIVE_UP_MS} ms: ${JSON.stringify(perOrigin)}`);
      const sentAt = performance.now() - published;
      const seen = await Promise.all(options.origins.map((origin) => (origin in perOrigin ? true : shows(origin, slug))));
      options.origins.forEach((origin, i) => {
        if (seen[i] && !(origin in perOrigin)) perOrigin[origin] = sentAt;
      });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return { milliseconds: Math.max(...Object.values(perOrigin)), perOrigin };
  } finally {
    await db.end();
  }
}

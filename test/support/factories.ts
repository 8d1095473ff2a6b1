import type { Db } from "../../lib/db/client";
import type { ClaimKind, Role } from "../../lib/generated/prisma/enums";
import type { SessionRef } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { normalizeUrl } from "../../lib/urls";
import { recordPublication } from "../../lib/services/publications";
import { newReference, requestFingerprint } from "../../lib/readers/submit";
import { unique } from "./db";

// One scrypt hash per process, at a test cost (N=2^10 instead of 2^17): hashing and every sign-in's
// verification are slow on purpose, and tests make and sign in many users. The real cost is what
// every account made through the app gets (lib/services/users.ts, the seed); its tests use it.
let sharedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple";
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export type TestUser = { id: string; email: string; role: Role; session: NonNullable<SessionRef> };

export async function createUser(db: Db, role: Role, overrides: { disabled?: boolean; name?: string } = {}): Promise<TestUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD, TEST_SCRYPT);
  const email = `${unique(role.toLowerCase())}@claimdesk.test`;
  const user = await db.user.create({
    data: { email, name: overrides.name ?? `Test ${role}`, role, passwordHash: await sharedHash, disabled: overrides.disabled ?? false },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
  return { ...user, session: { userId: user.id, sessionVersion: user.sessionVersion } };
}

/** One user of each role plus `null` for the anonymous caller. */
export async function createRoleSet(db: Db) {
  const [factChecker, editor, admin] = await Promise.all([
    createUser(db, "FACT_CHECKER"),
    createUser(db, "EDITOR"),
    createUser(db, "ADMIN"),
  ]);
  return { factChecker, editor, admin };
}

export async function createStory(db: Db) {
  const slug = unique("story");
  return db.story.create({ data: { slug, title: `Story ${slug}` } });
}

/**
 * A claim with a claimant of its own: claimant records are shared by name, and another test giving a
 * shared one a type would change this claim's content between its approval and its publication.
 */
export async function createClaim(db: Db, options: { kind?: ClaimKind; text?: string; claimant?: string; storyId?: string; createdById?: string } = {}) {
  const slug = unique("claim");
  return db.claim.create({
    data: {
      slug,
      text: options.text ?? `Claim ${slug}: 12 police officers were killed`,
      claimant: options.claimant ?? unique("Almaty police"),
      kind: options.kind ?? "NUMERIC",
      storyId: options.storyId ?? null,
      createdById: options.createdById ?? null,
    },
  });
}

export async function createSource(db: Db, overrides: { outlet?: string; url?: string } = {}) {
  const url = overrides.url ?? `https://example.org/${unique("src")}`;
  return db.source.create({
    data: { url, normalizedUrl: normalizeUrl(url), outlet: overrides.outlet ?? "Example outlet", type: "NEWS_OUTLET" },
  });
}

/**
 * Publishes an approved verdict the way the desk does, in one transaction: state, publication
 * (the snapshot readers see; the database checks it against the approval) and claim status.
 */
export async function publishApproved(db: Db, options: { claimId: string; verdictId: string; publishedById: string }) {
  const publishedAt = new Date();
  return db.$transaction(async (tx) => {
    await tx.verdict.update({ where: { id: options.verdictId }, data: { state: "PUBLISHED", publishedAt } });
    const publication = await recordPublication(tx, { ...options, kind: "ORIGINAL", note: null, publishedAt });
    await tx.claim.update({ where: { id: options.claimId }, data: { status: "PUBLISHED" } });
    return publication;
  });
}

/** A valid ClaimReview, as another fact-checker publishes it, about a claim of its own. */
export function claimReviewJson(): string {
  return JSON.stringify({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: `Imported elsewhere ${unique()}`,
    url: `https://factcheck.example/${unique()}`,
    author: { "@type": "Organization", name: "Example Fact Check" },
    datePublished: "2022-01-07",
    reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Someone" } },
  });
}

/**
 * The vocabulary entry `label` of a story (null: claims outside any story), created when missing.
 * Entries of the shared null vocabulary are only ever created here, never changed, so parallel
 * tests may share them; a test that edits an entry makes its own story.
 */
export async function countedThing(db: Db, options: { storyId?: string | null; label: string; unit?: string; cumulative?: boolean; synonyms?: string[] }) {
  const storyId = options.storyId ?? null;
  const find = () => db.countedThing.findFirst({ where: { storyId, label: options.label } });
  const found = await find();
  if (found) return found;
  try {
    return await db.countedThing.create({
      data: { storyId, label: options.label, unit: options.unit ?? "people", cumulative: options.cumulative ?? true, synonyms: options.synonyms ?? [] },
    });
  } catch (error) {
    // Another test created it between our read and our write.
    const raced = await find();
    if (raced) return raced;
    throw error;
  }
}

/** A reader's request as the public form leaves it (lib/readers/submit.ts), optionally tied to a claim. */
export async function createReaderRequest(db: Db, options: { kind?: "SUGGESTION" | "CORRECTION"; claimId?: string; email?: string; text?: string } = {}) {
  const text = options.text ?? `Reader request ${unique()}`;
  return db.readerRequest.create({
    data: {
      reference: newReference(),
      kind: options.kind ?? "SUGGESTION",
      text,
      email: options.email ?? null,
      notice: options.email ? "PENDING" : "NONE",
      claimId: options.claimId ?? null,
      fingerprint: requestFingerprint(options.kind ?? "SUGGESTION", options.claimId ?? null, text),
    },
    select: { id: true, reference: true, kind: true },
  });
}

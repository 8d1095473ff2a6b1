import type { Db } from "../../lib/db/client";
import type { ClaimKind, Role } from "../../lib/generated/prisma/enums";
import type { SessionRef } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { normalizeUrl } from "../../lib/urls";
import { unique } from "./db";

// One real scrypt hash per process: hashing is slow on purpose, and tests make many users.
let sharedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple";

export type TestUser = { id: string; email: string; role: Role; session: NonNullable<SessionRef> };

export async function createUser(db: Db, role: Role, overrides: { disabled?: boolean; name?: string } = {}): Promise<TestUser> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
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

export async function createClaim(db: Db, options: { kind?: ClaimKind; text?: string; storyId?: string; createdById?: string } = {}) {
  const slug = unique("claim");
  return db.claim.create({
    data: {
      slug,
      text: options.text ?? `Claim ${slug}: 12 police officers were killed`,
      claimant: "Almaty police",
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

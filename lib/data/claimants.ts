import "server-only";
import { writeAudit } from "../audit";
import type { Db, Tx } from "../db/client";
import type { ClaimantType } from "../generated/prisma/enums";
import { tidyName } from "../validations/claimant";

export type ClaimantRecord = { id: string; name: string; type: ClaimantType | null; sameAs: string | null; aliases: string[] };
/** A claimant as the management page lists it. */
export type ClaimantDto = ClaimantRecord & { claimCount: number };

const SELECT = { id: true, name: true, type: true, sameAs: true, aliases: true } as const;

/**
 * Serialises writes to the claimants (creating one from a claim form, editing names and aliases),
 * so two people typing the same new name get one record and a name is never taken twice.
 */
export async function lockClaimants(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('claimants'))`;
}

/** The claimant a word names: its name first, else one of its aliases (case and spacing ignored). */
export async function findClaimantByWord(db: Db | Tx, word: string): Promise<ClaimantRecord | null> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT cl."id"::text AS "id" FROM "claimants" cl
     WHERE lower(cl."name") = lower(${tidyName(word)})
        OR EXISTS (SELECT 1 FROM unnest(cl."aliases") a WHERE lower(a) = lower(${tidyName(word)}))
     ORDER BY (lower(cl."name") = lower(${tidyName(word)})) DESC, cl."created_at"
     LIMIT 1`;
  return rows[0] ? getClaimant(db, rows[0].id) : null;
}

export async function getClaimant(db: Db | Tx, id: string): Promise<ClaimantRecord | null> {
  return db.claimant.findUnique({ where: { id }, select: SELECT });
}

/** Words (names or aliases) already naming another claimant than `exceptId`: word -> that claimant's name. */
export async function findTakenNames(db: Db | Tx, words: string[], exceptId: string): Promise<Map<string, string>> {
  const lowered = words.map((word) => word.toLowerCase());
  const rows = await db.$queryRaw<Array<{ word: string; name: string }>>`
    SELECT w AS "word", cl."name" FROM unnest(${lowered}::text[]) w
      JOIN "claimants" cl ON cl."id" <> ${exceptId}::uuid
       AND (lower(cl."name") = w OR EXISTS (SELECT 1 FROM unnest(cl."aliases") a WHERE lower(a) = w))`;
  return new Map(rows.map((row) => [row.word, row.name]));
}

/**
 * The record a claim form names: found by name or alias, else created with the type the person
 * chose (audited as claimant.create). A found record without a type takes the chosen one; a
 * record's existing type is changed on the claimants page only.
 */
export async function resolveClaimant(tx: Tx, input: { name: string; type?: ClaimantType | null }, actorId: string): Promise<ClaimantRecord> {
  await lockClaimants(tx);
  const found = await findClaimantByWord(tx, input.name);
  if (found) {
    if (found.type !== null || !input.type) return found;
    const after = await tx.claimant.update({ where: { id: found.id }, data: { type: input.type }, select: SELECT });
    await writeAudit(tx, { actorId, action: "claimant.update", entityType: "claimant", entityId: found.id, before: found, after });
    return after;
  }
  const created = await tx.claimant.create({ data: { name: tidyName(input.name), type: input.type ?? null }, select: SELECT });
  await writeAudit(tx, { actorId, action: "claimant.create", entityType: "claimant", entityId: created.id, after: created });
  return created;
}

/** Every claimant, those whose type nobody has set first, then by name. */
export async function listClaimants(db: Db | Tx): Promise<ClaimantDto[]> {
  const rows = await db.claimant.findMany({
    orderBy: [{ type: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { ...SELECT, _count: { select: { claims: true } } },
    take: 2000,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, claimCount: _count.claims }));
}

/** Names and aliases for the claim forms' autocomplete (a native <datalist>). */
export async function listClaimantChoices(db: Db | Tx): Promise<Array<{ value: string; label: string }>> {
  const rows = await db.claimant.findMany({ orderBy: { name: "asc" }, select: { name: true, aliases: true }, take: 2000 });
  return rows.flatMap((row) => [{ value: row.name, label: row.name }, ...row.aliases.map((alias) => ({ value: alias, label: `${alias} → ${row.name}` }))]);
}

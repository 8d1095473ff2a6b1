import { defineAction } from "./define";
import { writeAudit } from "../audit";
import { findTakenNames, getClaimant, lockClaimants } from "../data/claimants";
import { AppError } from "../errors";
import { updateClaimantSchema } from "../validations/claimant";
import { fieldError } from "./claims";
import { lockClaim } from "./evidence";
import { reopenApproval } from "./publications";

/**
 * Edits a claimant: name, type, sameAs, aliases. A name or alias naming another claimant is
 * refused. The claims naming it take the new name and type, and an approved verdict on any of them
 * goes back to review, since what readers would see changed; the public record moves only when
 * those claims are published again.
 */
export const updateClaimant = defineAction({
  permission: "claimant.manage",
  schema: updateClaimantSchema,
  run: async ({ db, actor, input }) =>
    db.$transaction(async (tx) => {
      // Claims first, then the claimants: the order a claim edit takes them (its row, then
      // resolveClaimant), so the two never wait on each other in a cycle.
      const named = await tx.claim.findMany({ where: { claimantId: input.id }, select: { id: true }, orderBy: { id: "asc" } });
      for (const claim of named) await lockClaim(tx, claim.id);
      await lockClaimants(tx);
      const before = await getClaimant(tx, input.id);
      if (!before) throw new AppError("NOT_FOUND", "This claimant no longer exists.");
      const taken = await findTakenNames(tx, [input.name, ...input.aliases], before.id);
      const nameOwner = taken.get(input.name.toLowerCase());
      if (nameOwner) throw fieldError("name", `“${input.name}” already names “${nameOwner}”: use that claimant instead.`);
      const alias = input.aliases.find((word) => taken.has(word.toLowerCase()));
      if (alias) throw fieldError("aliases", `“${alias}” already names “${taken.get(alias.toLowerCase())}”.`);
      const after = await tx.claimant.update({
        where: { id: before.id },
        data: { name: input.name, type: input.type, sameAs: input.sameAs ?? null, aliases: input.aliases },
        select: { id: true, name: true, type: true, sameAs: true, aliases: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: "claimant.update", entityType: "claimant", entityId: before.id, before, after });
      const claims = await tx.claim.findMany({ where: { claimantId: before.id }, select: { id: true }, orderBy: { id: "asc" } });
      const locked = new Set(named.map((claim) => claim.id));
      for (const claim of claims) {
        // A claim that took this claimant between the first read and the lock.
        if (!locked.has(claim.id)) await lockClaim(tx, claim.id);
        await tx.claim.update({ where: { id: claim.id }, data: { claimant: after.name, claimantType: after.type } });
        await reopenApproval(tx, claim.id, actor.id);
      }
      return { ...after, claims: claims.length };
    }),
});

"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { updateClaimant } from "../services/claimants";
import { formDataToInput } from "../validations/form";

export type ClaimantState = Result<{ name: string; claims: number }> | null;

/** A claimant edit changes desk pages only; public pages move when a claim naming it is published again. */
export async function updateClaimantAction(_prev: ClaimantState, formData: FormData): Promise<ClaimantState> {
  const result = await updateClaimant(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { assignClaim, createClaim, transitionClaim, updateClaim, type CreateClaimOutcome } from "../services/claims";
import { bulkUpdateClaims, type BulkOutcome } from "../services/claims-bulk";
import { getDb } from "../db";
import { sendNotificationEmails } from "../notification-mail";
import { formDataToInput } from "../validations/form";

export type CreateClaimState = (Result<CreateClaimOutcome> & { values: Record<string, string> }) | null;
export type UpdateClaimState = (Result<{ id: string; slug: string; version: number }> & { values: Record<string, string> }) | null;
export type ClaimCommandState = Result<unknown> | null;

export async function createClaimAction(_prev: CreateClaimState, formData: FormData): Promise<CreateClaimState> {
  const values = formDataToInput(formData);
  const result = await createClaim(await currentSession(), values);
  if (result.ok && !result.data.needsConfirmation) {
    revalidatePath("/desk/claims");
    redirect(`/desk/claims/${result.data.slug}`);
  }
  return { ...result, values };
}

export async function updateClaimAction(_prev: UpdateClaimState, formData: FormData): Promise<UpdateClaimState> {
  const values = formDataToInput(formData);
  const result = await updateClaim(await currentSession(), values);
  if (result.ok) {
    revalidatePath("/desk/claims");
    revalidatePath(`/desk/claims/${result.data.slug}`);
    redirect(`/desk/claims/${result.data.slug}?saved=1`);
  }
  return { ...result, values };
}

export async function transitionClaimAction(_prev: ClaimCommandState, formData: FormData): Promise<ClaimCommandState> {
  const result = await transitionClaim(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath("/desk/claims", "layout");
  return result;
}

export async function assignClaimAction(_prev: ClaimCommandState, formData: FormData): Promise<ClaimCommandState> {
  const result = await assignClaim(await currentSession(), formDataToInput(formData));
  if (result.ok) {
    revalidatePath("/desk/claims", "layout");
    await sendNotificationEmails(await getDb());
  }
  return result;
}

export type BulkClaimsState = Result<BulkOutcome> | null;

export async function bulkUpdateClaimsAction(_prev: BulkClaimsState, formData: FormData): Promise<BulkClaimsState> {
  const result = await bulkUpdateClaims(await currentSession(), formDataToInput(formData, { lists: ["ids"] }));
  if (result.ok) {
    revalidatePath("/desk", "layout");
    await sendNotificationEmails(await getDb());
  }
  return result;
}

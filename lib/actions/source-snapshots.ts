"use server";

import { revalidatePath } from "next/cache";
import { expireLedger } from "../public/revalidate";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { confirmSourceAlert, snapshotEvidenceSource } from "../services/source-snapshots";
import { formDataToInput } from "../validations/form";

export type SourceActionState = Result<unknown> | null;

export async function snapshotEvidenceSourceAction(_prev: SourceActionState, formData: FormData): Promise<SourceActionState> {
  const result = await snapshotEvidenceSource(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath("/desk/claims", "layout");
  return result;
}

// A confirmed alert shows on the public pages of published claims citing the source.
export async function confirmSourceAlertAction(_prev: SourceActionState, formData: FormData): Promise<SourceActionState> {
  const result = await confirmSourceAlert(await currentSession(), formDataToInput(formData));
  if (result.ok) {
    revalidatePath("/desk/claims", "layout");
    expireLedger();
  }
  return result;
}

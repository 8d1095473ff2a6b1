"use server";

import { revalidatePath } from "next/cache";
import { expireLedger } from "../public/revalidate";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { attachEvidence, editEvidence, removeEvidence } from "../services/evidence";
import { formDataToInput } from "../validations/form";

export type AttachEvidenceState =
  | (Result<{
      id: string;
      sourceReused: boolean;
      hasConflict: boolean;
      snapshot: { snapshotId: string; excerptCheck: "FOUND" | "NOT_FOUND" } | { refused: string } | null;
    }> & { values: Record<string, string> })
  | null;
export type RemoveEvidenceState = Result<unknown> | null;
export type EditEvidenceState = Result<{ id: string; revision: number; hasConflict: boolean }> | null;

export async function attachEvidenceAction(_prev: AttachEvidenceState, formData: FormData): Promise<AttachEvidenceState> {
  const values = formDataToInput(formData);
  const result = await attachEvidence(await currentSession(), values);
  if (result.ok) refresh();
  return { ...result, values };
}

export async function editEvidenceAction(_prev: EditEvidenceState, formData: FormData): Promise<EditEvidenceState> {
  const result = await editEvidence(await currentSession(), formDataToInput(formData));
  if (result.ok) refresh();
  return result;
}

export async function removeEvidenceAction(_prev: RemoveEvidenceState, formData: FormData): Promise<RemoveEvidenceState> {
  const result = await removeEvidence(await currentSession(), formDataToInput(formData));
  if (result.ok) refresh();
  return result;
}

// Evidence on a published claim is public too: expire the ledger's cached reads with the desk's.
function refresh() {
  revalidatePath("/desk/claims", "layout");
  expireLedger();
}

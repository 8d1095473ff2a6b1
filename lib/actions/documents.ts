"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentSession } from "../auth/session";
import { createClaimsFromCandidates, importDocument, importDocumentFromUrl } from "../services/documents";
import { claimsInputFromForm } from "../validations/document";
import { formDataToInput } from "../validations/form";

export async function importDocumentAction(_prev: unknown, formData: FormData) {
  const result = await importDocument(await currentSession(), formDataToInput(formData));
  if (!result.ok) return result;
  revalidatePath("/desk/documents");
  redirect(`/desk/documents/${result.data.id}`);
}

export async function createClaimsFromCandidatesAction(_prev: unknown, formData: FormData) {
  const result = await createClaimsFromCandidates(await currentSession(), claimsInputFromForm(formData));
  if (result.ok && !result.data.needsConfirmation) {
    revalidatePath(`/desk/documents/${result.data.documentId}`);
    revalidatePath("/desk/claims");
  }
  return result;
}

export async function importDocumentFromUrlAction(_prev: unknown, formData: FormData) {
  const result = await importDocumentFromUrl(await currentSession(), formDataToInput(formData));
  if (!result.ok) return result;
  revalidatePath("/desk/documents");
  redirect(`/desk/documents/${result.data.id}`);
}

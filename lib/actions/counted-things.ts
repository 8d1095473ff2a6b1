"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { createCountedThing, mergeCountedThings, updateCountedThing } from "../services/counted-things";
import { formDataToInput } from "../validations/form";

export type VocabularyState = Result<{ label: string }> | null;

// A vocabulary edit changes the desk's claim pages (labels, conflict flags), never a public page:
// those read publications, which move only when a claim is published again.
const refresh = () => revalidatePath("/desk", "layout");

export async function createCountedThingAction(_prev: VocabularyState, formData: FormData): Promise<VocabularyState> {
  const result = await createCountedThing(await currentSession(), formDataToInput(formData));
  if (result.ok) refresh();
  return result;
}

export async function updateCountedThingAction(_prev: VocabularyState, formData: FormData): Promise<VocabularyState> {
  const result = await updateCountedThing(await currentSession(), formDataToInput(formData));
  if (result.ok) refresh();
  return result;
}

export async function mergeCountedThingsAction(_prev: VocabularyState, formData: FormData): Promise<VocabularyState> {
  const result = await mergeCountedThings(await currentSession(), formDataToInput(formData));
  if (result.ok) refresh();
  return result;
}

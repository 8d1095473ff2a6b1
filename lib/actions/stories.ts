"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { archiveStory, createStory, updateStory } from "../services/stories";
import { formDataToInput } from "../validations/form";

export type StoryFormState = (Result<{ id: string; slug: string }> & { values: Record<string, string> }) | null;
export type StoryCommandState = Result<{ id: string; slug: string }> | null;

export async function createStoryAction(_prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  const values = formDataToInput(formData);
  const result = await createStory(await currentSession(), values);
  if (result.ok) {
    revalidatePath("/desk", "layout");
    redirect(`/desk/stories/${result.data.id}?saved=1`);
  }
  return { ...result, values };
}

export async function updateStoryAction(_prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  const values = formDataToInput(formData);
  const result = await updateStory(await currentSession(), values);
  if (result.ok) {
    revalidatePath("/desk", "layout");
    redirect(`/desk/stories/${result.data.id}?saved=1`);
  }
  return { ...result, values };
}

export async function archiveStoryAction(_prev: StoryCommandState, formData: FormData): Promise<StoryCommandState> {
  const result = await archiveStory(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

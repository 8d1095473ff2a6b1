"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { addComment } from "../services/comments";
import { formDataToInput } from "../validations/form";
import { getDb } from "../db";
import { sendNotificationEmails } from "../notification-mail";

export type CommentState = (Result<{ id: string; slug: string; notified: number }> & { values: Record<string, string> }) | null;

export async function addCommentAction(_prev: CommentState, formData: FormData): Promise<CommentState> {
  const values = formDataToInput(formData);
  const result = await addComment(await currentSession(), values);
  if (!result.ok) return { ...result, values };
  revalidatePath(`/desk/claims/${result.data.slug}`);
  await sendNotificationEmails(await getDb());
  return { ...result, values: {} };
}

"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { markNotificationsRead } from "../services/notifications";
import { formDataToInput } from "../validations/form";

export type NotificationState = Result<{ id: string; count: number }> | null;

export async function markNotificationsReadAction(_prev: NotificationState, formData: FormData): Promise<NotificationState> {
  const result = await markNotificationsRead(await currentSession(), formDataToInput(formData));
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

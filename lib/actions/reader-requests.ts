"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { assignReaderRequest, closeReaderRequest, linkReaderRequest } from "../services/reader-requests";
import { formDataToInput } from "../validations/form";

export type TriageState = Result<{ id: string }> | null;

function settle(result: Result<{ id: string }>): TriageState {
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

export async function assignReaderRequestAction(_prev: TriageState, formData: FormData): Promise<TriageState> {
  return settle(await assignReaderRequest(await currentSession(), formDataToInput(formData)));
}

export async function linkReaderRequestAction(_prev: TriageState, formData: FormData): Promise<TriageState> {
  return settle(await linkReaderRequest(await currentSession(), formDataToInput(formData)));
}

export async function closeReaderRequestAction(_prev: TriageState, formData: FormData): Promise<TriageState> {
  return settle(await closeReaderRequest(await currentSession(), formDataToInput(formData)));
}

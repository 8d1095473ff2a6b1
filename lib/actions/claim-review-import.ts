"use server";

import { revalidatePath } from "next/cache";
import { currentSession } from "../auth/session";
import type { Result } from "../errors";
import { importClaimReviews, type ImportSummary } from "../services/claim-review-import";

export type ImportClaimReviewsState = Result<ImportSummary> | null;

export async function importClaimReviewsAction(_prev: ImportClaimReviewsState, formData: FormData): Promise<ImportClaimReviewsState> {
  const result = await importClaimReviews(await currentSession(), { text: formData.get("text"), storyId: formData.get("storyId") });
  if (result.ok && result.data.imported > 0) {
    revalidatePath("/desk/claims");
    revalidatePath("/desk/imports");
  }
  return result;
}

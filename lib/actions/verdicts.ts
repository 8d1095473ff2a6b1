"use server";

import { revalidatePath, updateTag } from "next/cache";
import { LEDGER_TAG } from "../public/revalidate";
import { currentSession } from "../auth/session";
import type { ErrorCode, FieldErrors, Result } from "../errors";
import {
  correctVerdict,
  draftVerdict,
  editVerdict,
  publishVerdict,
  retractClaim,
  reviewVerdict,
  submitVerdict,
} from "../services/verdicts";
import { verdictFormToInput } from "../validations/verdict";

/** What the verdict forms show after a post: a confirmation, or the message and field errors. */
export type VerdictFormState =
  | { ok: true; message: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors }
  | null;

function settle(result: Result<unknown>, success: string, options: { isPublic?: boolean } = {}): VerdictFormState {
  if (!result.ok) return { ok: false, code: result.code, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/desk/claims/[slug]", "page");
  revalidatePath("/desk/review");
  if (options.isPublic) {
    // Expire the ledger's cached reads now (read-your-writes), so the publish shows at once.
    updateTag(LEDGER_TAG);
    revalidatePath("/", "layout");
  }
  return { ok: true, message: success };
}

export async function draftVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await draftVerdict(await currentSession(), verdictFormToInput(form)), "Draft saved.");
}

export async function editVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await editVerdict(await currentSession(), verdictFormToInput(form)), "Changes saved.");
}

export async function correctVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await correctVerdict(await currentSession(), verdictFormToInput(form)), "Correction drafted: submit it for review.");
}

export async function submitVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await submitVerdict(await currentSession(), verdictFormToInput(form)), "Submitted for review.");
}

export async function reviewVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  const input = verdictFormToInput(form);
  const message = input.outcome === "APPROVED" ? "Approved: ready to publish." : "Rejected: sent back to the author.";
  return settle(await reviewVerdict(await currentSession(), input), message);
}

export async function publishVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await publishVerdict(await currentSession(), verdictFormToInput(form)), "Published.", { isPublic: true });
}

export async function retractClaimAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await retractClaim(await currentSession(), verdictFormToInput(form)), "Claim retracted.", { isPublic: true });
}

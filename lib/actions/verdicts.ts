"use server";

import { revalidatePath } from "next/cache";
import { expireLedger } from "../public/revalidate";
import { currentSession } from "../auth/session";
import type { ErrorCode, FieldErrors, Result } from "../errors";
import { publishVerdict, retractClaim, reviewVerdict, withdrawVerdict } from "../services/verdict-review";
import { correctVerdict, draftVerdict, editVerdict, submitVerdict } from "../services/verdicts";
import { formDataToInput } from "../validations/form";
import { getDb } from "../db";
import { systemLog } from "../log";
import { sendPendingNotices } from "../readers/notify";
import { sendNotificationEmails } from "../notification-mail";

/** What the verdict forms show after a post: a confirmation, or the message and field errors. */
export type VerdictFormState =
  | { ok: true; message: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors }
  | null;

/** The verdict forms' fields; the evidence checkboxes post `evidenceIds` once per tick. */
const verdictInput = (form: FormData) => formDataToInput(form, { lists: ["evidenceIds"] });

function settle(result: Result<unknown>, success: string, options: { isPublic?: boolean } = {}): VerdictFormState {
  if (!result.ok) return { ok: false, code: result.code, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/desk/claims/[slug]", "page");
  revalidatePath("/desk/review");
  if (options.isPublic) {
    // Expire the ledger's cached reads now (read-your-writes), so the publish shows at once.
    expireLedger();
    revalidatePath("/", "layout");
  }
  return { ok: true, message: success };
}

export async function draftVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await draftVerdict(await currentSession(), verdictInput(form)), "Draft saved.");
}

export async function editVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await editVerdict(await currentSession(), verdictInput(form)), "Changes saved.");
}

export async function correctVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await correctVerdict(await currentSession(), verdictInput(form)), "Amendment drafted: submit it for review. The public page does not change until it is approved and published.");
}

export async function submitVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  const result = await submitVerdict(await currentSession(), verdictInput(form));
  if (result.ok) await sendNotificationEmails(await getDb());
  return settle(result, "Submitted for review.");
}

export async function reviewVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  const input = verdictInput(form);
  const message = input.outcome === "APPROVED" ? "Approved: ready to publish." : "Rejected: sent back to the author.";
  const result = await reviewVerdict(await currentSession(), input);
  if (result.ok) await sendNotificationEmails(await getDb());
  return settle(result, message);
}

/** After an amendment is committed: tell the readers whose requests it answered (never fails the publish). */
async function notifyReaders(): Promise<void> {
  try {
    await sendPendingNotices(await getDb());
  } catch (error) {
    systemLog().warn({ event: "reader.notices_failed", err: error }, "reader notices not sent; npm run readers:purge retries");
  }
}

export async function publishVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  const result = await publishVerdict(await currentSession(), verdictInput(form));
  const version = result.ok ? result.data.publication?.version : undefined;
  if (version && version > 1) await notifyReaders();
  return settle(result, version ? `Published as version ${version}.` : "Published.", { isPublic: true });
}

export async function withdrawVerdictAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await withdrawVerdict(await currentSession(), verdictInput(form)), "Withdrawn from review: the verdict is a draft again.");
}

export async function retractClaimAction(_prev: VerdictFormState, form: FormData): Promise<VerdictFormState> {
  return settle(await retractClaim(await currentSession(), verdictInput(form)), "Claim retracted.", { isPublic: true });
}

"use client";

import { useId, useState } from "react";
import { withdrawVerdictAction } from "@/lib/actions/verdicts";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { errorsFor, VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Takes the verdict back to draft and the claim out of review, in one audited step. */
export function WithdrawForm({ verdictId }: { verdictId: string }) {
  const { state, pending, action, onSubmit } = useFormAction(withdrawVerdictAction, null);
  const [reason, setReason] = useState("");
  const id = useId();
  const errors = errorsFor(state, "reason");
  return (
    <form action={action} onSubmit={onSubmit} className="stack" noValidate>
      <VerdictFormMessage state={state} id={`${id}-message`} />
      <input type="hidden" name="verdictId" value={verdictId} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why it leaves review</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          required
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy(`${id}-hint`, errors.length > 0 && `${id}-error`)}
        />
        <p id={`${id}-hint`} className="hint">
          The verdict becomes a draft again (a new revision needs a fresh review) and the claim leaves review. Recorded in the audit log.
        </p>
        <FieldError id={`${id}-error`} messages={errors} />
      </div>
      <button type="submit" className="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Withdrawing…" : "Withdraw from review"}
      </button>
    </form>
  );
}

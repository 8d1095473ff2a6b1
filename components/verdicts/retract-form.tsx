"use client";

import { useId, useState } from "react";
import { retractClaimAction } from "@/lib/actions/verdicts";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { errorsFor, VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Retraction is a status with a public note, never a delete. */
export function RetractForm({ claimId }: { claimId: string }) {
  const { state, pending, action, onSubmit } = useFormAction(retractClaimAction, null);
  const [note, setNote] = useState("");
  const id = useId();
  const errors = errorsFor(state, "note");
  return (
    <form action={action} onSubmit={onSubmit} className="stack" noValidate>
      <VerdictFormMessage state={state} id={`${id}-message`} />
      <input type="hidden" name="claimId" value={claimId} />
      <div className="field">
        <label htmlFor={`${id}-note`}>Public note</label>
        <textarea
          id={`${id}-note`}
          name="note"
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy(`${id}-hint`, errors.length > 0 && `${id}-error`)}
        />
        <p id={`${id}-hint`} className="hint">
          Readers see this note. The claim and its verdicts stay on record.
        </p>
        <FieldError id={`${id}-error`} messages={errors} />
      </div>
      <button type="submit" className="danger" disabled={pending} aria-busy={pending}>
        {pending ? "Retracting…" : "Confirm retraction"}
      </button>
    </form>
  );
}

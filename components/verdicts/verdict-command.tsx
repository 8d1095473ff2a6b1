"use client";

import { useId, useState } from "react";
import { submitVerdictAction } from "@/lib/actions/verdicts";
import { VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

const COMMANDS = {
  submit: { action: submitVerdictAction, label: "Submit for review", pending: "Submitting…" },
};

/**
 * One-button steps of the workflow, safe to repeat: the server acts once. A verdict that cites no
 * evidence gets a warning and must be confirmed before it goes to review.
 */
export function VerdictCommand(props: { command: keyof typeof COMMANDS; verdictId: string; revision?: number; withoutEvidence?: boolean }) {
  const { command, verdictId, revision, withoutEvidence = false } = props;
  const spec = COMMANDS[command];
  const { state, pending, action, onSubmit } = useFormAction(spec.action, null);
  const [confirmed, setConfirmed] = useState(!withoutEvidence);
  const id = useId();
  return (
    <form action={action} onSubmit={onSubmit} className="stack">
      <input type="hidden" name="verdictId" value={verdictId} />
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}
      <VerdictFormMessage state={state} id={`${id}-message`} />
      {withoutEvidence ? (
        <>
          <p className="alert alert-warn" id={`${id}-warning`}>
            This verdict cites no evidence. Readers will see a rating with no supporting source. Tick the evidence it rests on in
            “Edit verdict”, or confirm that it stands without any.
          </p>
          <label style={{ fontWeight: "normal" }}>
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} style={{ width: "auto", marginRight: "0.5rem" }} />
            Submit it without evidence
          </label>
        </>
      ) : null}
      <div>
        <button type="submit" disabled={pending || !confirmed} aria-busy={pending} aria-describedby={withoutEvidence ? `${id}-warning` : undefined}>
          {pending ? spec.pending : spec.label}
        </button>
      </div>
    </form>
  );
}

"use client";

import { useId } from "react";
import { publishVerdictAction, submitVerdictAction } from "@/lib/actions/verdicts";
import { VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

const COMMANDS = {
  submit: { action: submitVerdictAction, label: "Submit for review", pending: "Submitting…" },
  publish: { action: publishVerdictAction, label: "Publish", pending: "Publishing…" },
};

/** One-button steps of the workflow. Both are safe to repeat: the server acts once. */
export function VerdictCommand({ command, verdictId, revision }: { command: keyof typeof COMMANDS; verdictId: string; revision?: number }) {
  const spec = COMMANDS[command];
  const { state, pending, action, onSubmit } = useFormAction(spec.action, null);
  const id = useId();
  return (
    <form action={action} onSubmit={onSubmit}>
      <input type="hidden" name="verdictId" value={verdictId} />
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}
      <VerdictFormMessage state={state} id={`${id}-message`} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? spec.pending : spec.label}
      </button>
    </form>
  );
}

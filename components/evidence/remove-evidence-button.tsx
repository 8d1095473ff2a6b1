"use client";

import { useState } from "react";
import { removeEvidenceAction, type RemoveEvidenceState } from "@/lib/actions/evidence";
import { useFormAction } from "@/components/ui/use-form-action";

/** Two steps, so a stray click never removes evidence. */
export function RemoveEvidenceButton({ evidenceId, outlet }: { evidenceId: string; outlet: string }) {
  const [confirming, setConfirming] = useState(false);
  const { state, pending, action, onSubmit } = useFormAction<RemoveEvidenceState>(removeEvidenceAction, null);
  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Remove evidence from ${outlet}`}>
        Remove
      </button>
    );
  }
  return (
    <form action={action} onSubmit={onSubmit} className="row">
      <input type="hidden" name="id" value={evidenceId} />
      <button type="submit" className="danger" disabled={pending} aria-busy={pending}>
        {pending ? "Removing…" : `Yes, remove ${outlet}`}
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={pending}>
        Keep it
      </button>
      <span aria-live="polite">{state && !state.ok ? <span className="field-error">{state.message}</span> : null}</span>
    </form>
  );
}

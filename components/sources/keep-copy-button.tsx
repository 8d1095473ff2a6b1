"use client";

import { snapshotEvidenceSourceAction, type SourceActionState } from "@/lib/actions/source-snapshots";
import { useFormAction } from "@/components/ui/use-form-action";

/** Fetches the source again now and keeps a copy, checking the excerpt against it. */
export function KeepCopyButton({ evidenceId, outlet }: { evidenceId: string; outlet: string }) {
  const { state, pending, action, onSubmit } = useFormAction<SourceActionState>(snapshotEvidenceSourceAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="row">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <button type="submit" className="secondary" disabled={pending} aria-busy={pending} aria-label={`Keep a copy now: ${outlet}`}>
        {pending ? "Fetching…" : "Keep a copy now"}
      </button>
      <span aria-live="polite">{state && !state.ok ? <span className="field-error">{state.message}</span> : state?.ok ? "Copy kept." : null}</span>
    </form>
  );
}

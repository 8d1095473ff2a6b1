"use client";

import { confirmSourceAlertAction, type SourceActionState } from "@/lib/actions/source-snapshots";
import { useFormAction } from "@/components/ui/use-form-action";

/** The editor's decision that readers should be told the source changed (or vanished) after it was cited. */
export function ConfirmAlertButton({ alertId }: { alertId: string }) {
  const { state, pending, action, onSubmit } = useFormAction<SourceActionState>(confirmSourceAlertAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="row">
      <input type="hidden" name="alertId" value={alertId} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Confirming…" : "Confirm: tell readers"}
      </button>
      <span aria-live="polite">{state && !state.ok ? <span className="field-error">{state.message}</span> : null}</span>
    </form>
  );
}

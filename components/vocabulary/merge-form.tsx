"use client";

import { mergeCountedThingsAction, type VocabularyState } from "@/lib/actions/counted-things";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Folds `thing` into another entry of the same unit: its figures move, its words become synonyms. */
export function MergeForm({ thing, targets }: { thing: { id: string; label: string }; targets: Array<{ id: string; label: string }> }) {
  const { state, pending, action, onSubmit } = useFormAction<VocabularyState>(mergeCountedThingsAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (targets.length === 0) return <p className="hint">No other entry in this unit to merge into.</p>;
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="stack" aria-label={`Merge “${thing.label}”`}>
      <input type="hidden" name="id" value={thing.id} />
      <div aria-live="polite">{state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}</div>
      <FormField
        name="intoId"
        idPrefix={`merge-${thing.id.slice(0, 8)}`}
        errors={errors.intoId}
        label={`Merge “${thing.label}” into`}
        hint={`Its figures move to that entry and are compared with its figures; “${thing.label}” becomes one of its synonyms.`}
        render={(c) => (
          <select {...c} defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.label}
              </option>
            ))}
          </select>
        )}
      />
      <button type="submit" className="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Merging…" : "Merge"}
      </button>
    </form>
  );
}

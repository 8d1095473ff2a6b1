"use client";

import { updateClaimantAction, type ClaimantState } from "@/lib/actions/claimants";
import type { ClaimantRecord } from "@/lib/data/claimants";
import { CLAIMANT_TYPE_LABEL } from "@/lib/validations/claimant";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Edits one claimant: its name, whether it is a person or an organisation, sameAs and aliases. */
export function ClaimantForm({ claimant }: { claimant: ClaimantRecord }) {
  const { state, pending, action, onSubmit } = useFormAction<ClaimantState>(updateClaimantAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const prefix = `cl-${claimant.id.slice(0, 8)}`;
  const field = (name: string) => ({ name, idPrefix: prefix, errors: errors[name] });
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="stack" aria-label={`Edit “${claimant.name}”`}>
      <input type="hidden" name="id" value={claimant.id} />
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="ok">{`Saved “${state.data.name}” (${state.data.claims} claim${state.data.claims === 1 ? "" : "s"} updated).`}</FormMessage> : null}
      </div>
      <div className="grid-2">
        <FormField {...field("name")} label="Name" render={(c) => <input {...c} defaultValue={claimant.name} maxLength={200} required autoComplete="off" />} />
        <FormField
          {...field("type")}
          label="Person or organisation"
          render={(c) => (
            <select {...c} defaultValue={claimant.type ?? ""} required>
              <option value="" disabled>
                Choose…
              </option>
              {Object.entries(CLAIMANT_TYPE_LABEL).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
          )}
        />
      </div>
      <FormField
        {...field("sameAs")}
        label="Wikidata or official page (optional)"
        hint="Only a page you are sure is this claimant, for example a https://www.wikidata.org/wiki/Q… page. Published in fact-check markup as sameAs."
        render={(c) => <input {...c} type="url" defaultValue={claimant.sameAs ?? ""} maxLength={500} autoComplete="off" />}
      />
      <FormField
        {...field("aliases")}
        label="Aliases (optional)"
        hint="Other spellings, separated by commas: “Tokayev, Tokaev, Токаев”. Typing any of them in a claim form picks this claimant."
        render={(c) => <input {...c} defaultValue={claimant.aliases.join(", ")} autoComplete="off" />}
      />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save claimant"}
      </button>
    </form>
  );
}

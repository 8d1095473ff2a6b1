"use client";

import { useEffect, useRef } from "react";
import { createCountedThingAction, updateCountedThingAction, type VocabularyState } from "@/lib/actions/counted-things";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { FieldError, describedBy } from "@/components/ui/field-error";

type Thing = { id: string; label: string; unit: string; cumulative: boolean; synonyms: string[] };

/**
 * Adds an entry to a story's vocabulary (`storyId`, "" for claims outside any story), or edits
 * `thing`: its label, unit, whether it is a running total, and its synonyms.
 */
export function CountedThingForm({ storyId, thing }: { storyId: string; thing?: Thing }) {
  const { state, pending, action, onSubmit } = useFormAction<VocabularyState>(thing ? updateCountedThingAction : createCountedThingAction, null);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const prefix = thing ? `ct-${thing.id.slice(0, 8)}` : "ct-new";
  const field = (name: string) => ({ name, idPrefix: prefix, errors: errors[name] });
  useEffect(() => {
    if (state?.ok && !thing) form.current?.reset();
  }, [state, thing]);

  return (
    <form ref={form} action={action} onSubmit={onSubmit} noValidate className="stack" aria-label={thing ? `Edit “${thing.label}”` : "Add a counted thing"}>
      {thing ? <input type="hidden" name="id" value={thing.id} /> : <input type="hidden" name="storyId" value={storyId} />}
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="ok">{thing ? `Saved “${state.data.label}”.` : `Added “${state.data.label}”.`}</FormMessage> : null}
      </div>
      <div className="grid-2">
        <FormField
          {...field("label")}
          label="What was counted"
          hint="As it reads after a number: “225 deaths”, “353 police injured”."
          render={(c) => <input {...c} defaultValue={thing?.label} maxLength={200} required autoComplete="off" />}
        />
        <FormField {...field("unit")} label="Unit" hint="“people” for counts of people; else “percent”, “days”…" render={(c) => <input {...c} defaultValue={thing?.unit ?? "people"} maxLength={50} />} />
      </div>
      <FormField
        {...field("synonyms")}
        label="Synonyms (optional)"
        hint="Other words sources use for the same thing, separated by commas: “people killed, fatalities”. A figure recorded under any of them files here."
        render={(c) => <input {...c} defaultValue={thing?.synonyms.join(", ")} autoComplete="off" />}
      />
      <div className="field">
        <label style={{ fontWeight: 400 }}>
          <input
            type="checkbox"
            name="cumulative"
            defaultChecked={thing?.cumulative ?? true}
            style={{ width: "auto" }}
            aria-describedby={describedBy(`${prefix}-cumulative-hint`, errors.cumulative && `${prefix}-cumulative-error`)}
          />{" "}
          <strong>A running total</strong>
        </label>
        <p id={`${prefix}-cumulative-hint`} className="hint">
          Deaths or arrests so far only rise: a later, lower count is flagged as a conflict. Untick for a count that can go down, such as “people in
          hospital now”.
        </p>
        <FieldError id={`${prefix}-cumulative-error`} messages={errors.cumulative} />
      </div>
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : thing ? "Save changes" : "Add counted thing"}
      </button>
    </form>
  );
}

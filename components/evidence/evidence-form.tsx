"use client";

import { useEffect, useRef, useState } from "react";
import { attachEvidenceAction, type AttachEvidenceState } from "@/lib/actions/evidence";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Disclosure } from "@/components/ui/disclosure";
import { useFormAction } from "@/components/ui/use-form-action";
import { SnapshotField } from "./snapshot-field";
import { SourceTypeOptions } from "./source-type-options";
import { SnapshotOutcome } from "./snapshot-outcome";
import { useKnownSource } from "./use-known-source";
import { AttributionField, CitesDisclosure, ExcerptDetails, ExcerptField, FigureDisclosure, StanceField, type CountedThingOption } from "./statement-fields";

export type { CountedThingOption } from "./statement-fields";

const SOURCE_DETAILS = ["language", "publishedAt", "title", "archiveUrl", "snapshotText", "reliabilityNote"];

/**
 * Attach a source to the claim. The common case is on screen (URL, outlet, type, exact excerpt,
 * who speaks, stance); the rest is in disclosures that say what they hold and open on an error.
 */
export function EvidenceForm({ claimId, vocabulary, vocabularyHref }: { claimId: string; vocabulary: CountedThingOption[]; vocabularyHref: string }) {
  const { state, pending, action, onSubmit } = useFormAction<AttachEvidenceState>(attachEvidenceAction, null);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string) => ({ name, idPrefix: "ev", errors: errors[name] });
  const known = useKnownSource(form);

  const { clear } = known;
  useEffect(() => {
    if (!state?.ok) return;
    form.current?.reset();
    clear();
  }, [state, clear]);

  // A fresh picker (nothing chosen) after each attached source, like the fields reset above.
  const [seen, setSeen] = useState(state);
  const [resets, setResets] = useState(0);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setResets((n) => n + 1);
  }

  return (
    <form ref={form} action={action} onSubmit={onSubmit} noValidate className="stack" aria-labelledby="attach-heading">
      <h3 id="attach-heading" className="visually-hidden">
        Attach a source
      </h3>
      <input type="hidden" name="claimId" value={claimId} />
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state?.ok ? (
          <FormMessage tone="ok">
            Source attached{state.data.sourceReused ? " (we already had this source, so it was reused)" : ""}.
            {state.data.hasConflict ? " The claim now has conflicting accounts." : ""}
            <SnapshotOutcome snapshot={state.data.snapshot} />
          </FormMessage>
        ) : null}
      </div>

      <fieldset>
        <legend>The source</legend>
        <FormField
          {...field("url")}
          label="URL"
          hint="http:// or https:// only. A URL we already have is reused, and fills the empty fields below."
          render={(c) => <input {...c} type="url" required inputMode="url" onChange={known.onUrlChange} />}
        />
        <p className="hint" aria-live="polite" id="ev-known-source">
          {known.message}
        </p>
        <div className="grid-2">
          <FormField {...field("outlet")} label="Outlet" render={(c) => <input {...c} required maxLength={200} />} />
          <FormField
            {...field("type")}
            label="Type"
            render={(c) => (
              <select {...c} defaultValue="" required>
                <option value="" disabled>
                  Choose…
                </option>
                <SourceTypeOptions />
              </select>
            )}
          />
        </div>
        <Disclosure summary="Source details: language, date, title, archive, kept copy, reliability" hasError={SOURCE_DETAILS.some((name) => Boolean(errors[name]?.length))}>
          <div className="grid-2">
            <FormField {...field("language")} label="Language" hint="Code such as en, ru, kk." render={(c) => <input {...c} defaultValue="en" maxLength={20} />} />
            <FormField {...field("publishedAt")} label="Published" render={(c) => <input {...c} type="datetime-local" />} />
            <FormField {...field("title")} label="Title (optional)" render={(c) => <input {...c} maxLength={300} />} />
            <FormField {...field("archiveUrl")} label="Archive URL (optional)" render={(c) => <input {...c} type="url" inputMode="url" />} />
          </div>
          <SnapshotField />
          <FormField {...field("snapshotText")} label="Pasted text (optional)" hint="For what a fetch cannot keep: a video transcript, a post behind a login." render={(c) => <textarea {...c} rows={3} />} />
          <FormField {...field("reliabilityNote")} label="Reliability note (optional)" render={(c) => <input {...c} maxLength={2000} />} />
        </Disclosure>
      </fieldset>

      <fieldset>
        <legend>What it says</legend>
        <ExcerptField field={field} values={{}} />
        <AttributionField field={field} values={{}} />
        <StanceField idPrefix="ev" errors={errors} values={{}} />
        <ExcerptDetails field={field} errors={errors} values={{}} />
      </fieldset>

      <CitesDisclosure claimId={claimId} idPrefix="ev" field={field} errors={errors} pickerKey={resets} />
      <FigureDisclosure idPrefix="ev" field={field} errors={errors} values={{}} vocabularyHref={vocabularyHref} vocabulary={vocabulary} />

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Attaching…" : "Attach source"}
      </button>
    </form>
  );
}

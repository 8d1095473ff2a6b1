"use client";

import { useEffect, useRef, useState } from "react";
import { attachEvidenceAction, type AttachEvidenceState } from "@/lib/actions/evidence";
import { FIGURE_BOUND_LABEL, FIGURE_BOUNDS } from "@/lib/domain/figures";
import { SOURCE_TYPE_LABEL, SOURCE_TYPES, STANCE_LABEL, STANCES } from "@/lib/validations/evidence";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { CitesPicker } from "./cites-picker";
import { SnapshotField } from "./snapshot-field";
import { SnapshotOutcome } from "./snapshot-outcome";
import { TranslationFields } from "./translation-fields";

export type CountedThingOption = { id: string; label: string; unit: string; cumulative: boolean; synonyms: string[] };

const STANCE_HINT = {
  SUPPORTS: "says the claim is right",
  CONTRADICTS: "says the claim is wrong",
  MIXED: "partly supports, partly contradicts",
  CONTEXT: "background, no position",
} as const;

/** Attach a source to the claim: the source itself, what it says, whom it cites, and any figure. */
export function EvidenceForm({ claimId, vocabulary, vocabularyHref }: { claimId: string; vocabulary: CountedThingOption[]; vocabularyHref: string }) {
  const { state, pending, action, onSubmit } = useFormAction<AttachEvidenceState>(attachEvidenceAction, null);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string) => ({ name, idPrefix: "ev", errors: errors[name] });

  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

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
        <FormField {...field("url")} label="URL" hint="http:// or https:// only. A URL we already have is reused." render={(c) => <input {...c} type="url" required inputMode="url" />} />
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
                {SOURCE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {SOURCE_TYPE_LABEL[type]}
                  </option>
                ))}
              </select>
            )}
          />
          <FormField {...field("language")} label="Language" hint="Code such as en, ru, kk." render={(c) => <input {...c} defaultValue="en" maxLength={20} />} />
          <FormField {...field("publishedAt")} label="Published" render={(c) => <input {...c} type="datetime-local" />} />
          <FormField {...field("title")} label="Title (optional)" render={(c) => <input {...c} maxLength={300} />} />
          <FormField {...field("archiveUrl")} label="Archive URL (optional)" render={(c) => <input {...c} type="url" inputMode="url" />} />
        </div>
        <SnapshotField />
        <FormField {...field("snapshotText")} label="Pasted text (optional)" hint="For what a fetch cannot keep: a video transcript, a post behind a login." render={(c) => <textarea {...c} rows={3} />} />
        <FormField {...field("reliabilityNote")} label="Reliability note (optional)" render={(c) => <input {...c} maxLength={2000} />} />
      </fieldset>

      <fieldset>
        <legend>What it says</legend>
        <FormField {...field("excerpt")} label="Exact excerpt" hint="Quote the source word for word." render={(c) => <textarea {...c} rows={3} required />} />
        <TranslationFields field={field} />
        <div className="grid-2">
          <FormField {...field("attribution")} label="Who speaks in the source" hint="For example “police spokeswoman Saltanat Azirbek”." render={(c) => <input {...c} maxLength={300} />} />
          <FormField {...field("location")} label="Where in the source" hint="Paragraph, timestamp or page." render={(c) => <input {...c} maxLength={300} />} />
        </div>
        <fieldset aria-describedby={errors.stance ? "ev-stance-error" : undefined}>
          <legend>Stance towards the claim</legend>
          <div className="row">
            {STANCES.map((stance) => (
              <label key={stance} style={{ fontWeight: 400 }}>
                <input type="radio" name="stance" value={stance} required style={{ width: "auto" }} /> <strong>{STANCE_LABEL[stance]}</strong>{" "}
                <span className="muted">— {STANCE_HINT[stance]}</span>
              </label>
            ))}
          </div>
          {errors.stance ? (
            <p id="ev-stance-error" className="field-error">
              {errors.stance[0]}
            </p>
          ) : null}
        </fieldset>
        <FormField {...field("note")} label="Desk note (optional)" render={(c) => <input {...c} maxLength={2000} />} />
      </fieldset>

      <fieldset>
        <legend>Does it cite another source? (optional)</legend>
        <p className="hint">Sources that cite the same origin count as one independent origin.</p>
        <CitesPicker key={resets} claimId={claimId} errors={errors.citesSourceId} />
        <p className="hint">…or enter the cited source:</p>
        <div className="grid-2">
          <FormField {...field("citesOutlet")} label="Cited source name" hint="For example “Almaty police”." render={(c) => <input {...c} maxLength={200} />} />
          <FormField {...field("citesUrl")} label="Cited source URL" render={(c) => <input {...c} type="url" inputMode="url" />} />
          <FormField
            {...field("citesType")}
            label="Cited source type"
            render={(c) => (
              <select {...c} defaultValue="OFFICIAL">
                {SOURCE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {SOURCE_TYPE_LABEL[type]}
                  </option>
                ))}
              </select>
            )}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Reported figure (optional)</legend>
        <p className="hint">
          Choose what the source gives: an exact value, a range, an open bound such as “at least 164” (one number), or vague words such as
          “dozens” with the range you read them as (shown to readers as the desk’s reading). Keep the source’s own words.
        </p>
        <div className="grid-2">
          <FormField
            {...field("figureBound")}
            label="Kind of figure"
            render={(c) => (
              <select {...c} defaultValue="EXACT">
                {FIGURE_BOUNDS.map((bound) => (
                  <option key={bound} value={bound}>
                    {FIGURE_BOUND_LABEL[bound]}
                  </option>
                ))}
              </select>
            )}
          />
          <FormField {...field("figureValue")} label="Value" hint="For an exact value or an open bound: 164 in “at least 164”." render={(c) => <input {...c} inputMode="decimal" />} />
          <FormField {...field("figureWords")} label="Source’s words" hint="As said, for example “at least 164 people”, “dozens”." render={(c) => <input {...c} maxLength={100} />} />
          <FormField {...field("figureLow")} label="Range: low" render={(c) => <input {...c} inputMode="decimal" />} />
          <FormField {...field("figureHigh")} label="Range: high" render={(c) => <input {...c} inputMode="decimal" />} />
          <FormField
            {...field("figureCounted")}
            label="What was counted"
            hint={
              vocabulary.length > 0
                ? "Type to pick from the story’s vocabulary; a synonym (“people killed”) files the figure under its entry (“deaths”), in that entry’s unit. Only figures counting the same thing are compared."
                : "This story has no counted things yet: add one under Counted things first."
            }
            render={(c) => <input {...c} maxLength={200} list="ev-counted-options" autoComplete="off" />}
          />
          <datalist id="ev-counted-options">
            {vocabulary.flatMap((thing) => [
              <option key={thing.id} value={thing.label}>{`${thing.label} (${thing.unit}${thing.cumulative ? ", running total" : ""})`}</option>,
              ...thing.synonyms.map((word) => <option key={`${thing.id}:${word}`} value={word}>{`${word} → ${thing.label} (${thing.unit})`}</option>),
            ])}
          </datalist>
          <p className="hint">
            <a href={vocabularyHref}>Counted things of this story</a>: add what a figure counts, with its unit and synonyms.
          </p>
          <FormField {...field("figureAsOf")} label="As of" hint="When the count was given for (or the start of the period it covers)." render={(c) => <input {...c} type="datetime-local" />} />
          <FormField {...field("figureAsOfEnd")} label="As of: end of period (optional)" hint="For a count over a period, such as 6 to 9 January." render={(c) => <input {...c} type="datetime-local" />} />
          <FormField
            {...field("figureExplanation")}
            label="Why it is lower (optional)"
            hint="Only when a running total is lower than an earlier count for a known reason (a recount, a narrower scope): readers see it, and the fall is not flagged."
            render={(c) => <input {...c} maxLength={500} />}
          />
        </div>
      </fieldset>

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Attaching…" : "Attach source"}
      </button>
    </form>
  );
}

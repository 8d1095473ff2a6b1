"use client";

import { editEvidenceAction, type EditEvidenceState } from "@/lib/actions/evidence";
import type { EvidenceDto } from "@/lib/data/evidence";
import { isSingleValue, LOWER_BOUNDS } from "@/lib/domain/figures";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { AttributionField, CitesDisclosure, ExcerptDetails, ExcerptField, FigureDisclosure, StanceField, type CountedThingOption, type Values } from "./statement-fields";

const toInputDate = (iso: string | null) => (iso ? iso.slice(0, 16) : undefined);
const amount = (n: number | null) => (n === null ? undefined : String(n));

/** The edit form's initial values: what the evidence says now, in the attach form's field names. */
function valuesOf(evidence: EvidenceDto): Values {
  const f = evidence.figure;
  const single = f && isSingleValue(f.bound);
  return {
    excerpt: evidence.excerpt,
    attribution: evidence.attribution ?? undefined,
    stance: evidence.stance,
    location: evidence.location ?? undefined,
    note: evidence.note ?? undefined,
    excerptLanguage: evidence.excerptLanguage === evidence.source.language ? undefined : evidence.excerptLanguage,
    translation: evidence.translation?.text,
    ...(f
      ? {
          figureBound: f.bound,
          figureValue: single ? amount(f.bound === "EXACT" || LOWER_BOUNDS.includes(f.bound) ? f.low : f.high) : undefined,
          figureLow: single ? undefined : amount(f.low),
          figureHigh: single ? undefined : amount(f.high),
          figureWords: f.words ?? undefined,
          figureCounted: f.counted,
          figureAsOf: toInputDate(f.asOf),
          figureAsOfEnd: toInputDate(f.asOfEnd),
          figureExplanation: f.explanation ?? undefined,
        }
      : {}),
  };
}

/**
 * Edits what an attached source says (the source itself stays). The form carries the revision it
 * was rendered with; a save over someone else's newer edit is refused and nothing is written.
 */
export function EditEvidenceForm(props: { evidence: EvidenceDto; claimId: string; vocabulary: CountedThingOption[]; vocabularyHref: string }) {
  const { evidence, claimId } = props;
  const { state, pending, action, onSubmit } = useFormAction<EditEvidenceState>(editEvidenceAction, null);
  const idPrefix = `ed-${evidence.id}`;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string) => ({ name, idPrefix, errors: errors[name] });
  const values = valuesOf(evidence);
  const headingId = `${idPrefix}-heading`;

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="stack" aria-labelledby={headingId}>
      <h4 id={headingId} className="visually-hidden">
        Edit the evidence from {evidence.source.outlet}
      </h4>
      <input type="hidden" name="id" value={evidence.id} />
      {/* The revision shown on this page: a successful save re-renders the page with the next one. */}
      <input type="hidden" name="revision" value={evidence.revision} />
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="ok">Evidence saved.{state.data.hasConflict ? " The claim has conflicting accounts." : ""}</FormMessage> : null}
      </div>
      <p className="hint">
        The source itself (<a href={evidence.source.url}>{evidence.source.outlet}</a>) stays as it is: to cite another page, attach it and remove this one.
      </p>
      <ExcerptField field={field} values={values} />
      <AttributionField field={field} values={values} />
      <StanceField idPrefix={idPrefix} errors={errors} values={values} />
      <ExcerptDetails field={field} errors={errors} values={values} />
      <CitesDisclosure
        claimId={claimId}
        idPrefix={idPrefix}
        field={field}
        errors={errors}
        initial={evidence.cites ? { ...evidence.cites, title: null } : null}
      />
      <FigureDisclosure idPrefix={idPrefix} field={field} errors={errors} values={values} vocabulary={props.vocabulary} vocabularyHref={props.vocabularyHref} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save evidence"}
      </button>
    </form>
  );
}

"use client";

import { useState } from "react";
import { editEvidenceAction, type EditEvidenceState } from "@/lib/actions/evidence";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { AttributionField, CitesDisclosure, ExcerptDetails, ExcerptField, FigureDisclosure, StanceField, type Values } from "./statement-fields";

/** What one item's edit form needs: small, since a claim page can list hundreds of items. */
export type EditableEvidence = {
  id: string;
  revision: number;
  outlet: string;
  url: string;
  values: Values;
  cites: { id: string; outlet: string; url: string } | null;
};

/**
 * "Edit" under an evidence item: a disclosure whose form is mounted the first time it opens, so a
 * long evidence list does not render a form per item up front.
 */
export function EditEvidence(props: { evidence: EditableEvidence; claimId: string; vocabularyHref: string; sharedList: { id: string; empty: boolean } }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="evidence-edit" onToggle={(event) => setOpened((was) => was || event.currentTarget.open)}>
      <summary>
        Edit<span className="visually-hidden"> the evidence from {props.evidence.outlet}</span>
      </summary>
      {opened ? <EditEvidenceForm {...props} /> : null}
    </details>
  );
}

/**
 * Edits what an attached source says (the source itself stays). The form carries the revision it
 * was rendered with; a save over someone else's newer edit is refused and nothing is written.
 */
function EditEvidenceForm(props: { evidence: EditableEvidence; claimId: string; vocabularyHref: string; sharedList: { id: string; empty: boolean } }) {
  const { evidence, claimId } = props;
  const { state, pending, action, onSubmit } = useFormAction<EditEvidenceState>(editEvidenceAction, null);
  const idPrefix = `ed-${evidence.id}`;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string) => ({ name, idPrefix, errors: errors[name] });
  const { values } = evidence;
  const headingId = `${idPrefix}-heading`;

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="stack" aria-labelledby={headingId}>
      <h4 id={headingId} className="visually-hidden">
        Edit the evidence from {evidence.outlet}
      </h4>
      <input type="hidden" name="id" value={evidence.id} />
      {/* The revision shown on this page: a successful save re-renders the page with the next one. */}
      <input type="hidden" name="revision" value={evidence.revision} />
      <div aria-live="polite">
        {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="ok">Evidence saved.{state.data.hasConflict ? " The claim has conflicting accounts." : ""}</FormMessage> : null}
      </div>
      <p className="hint">
        The source itself (<a href={evidence.url}>{evidence.outlet}</a>) stays as it is: to cite another page, attach it and remove this one.
      </p>
      <ExcerptField field={field} values={values} />
      <AttributionField field={field} values={values} />
      <StanceField idPrefix={idPrefix} errors={errors} values={values} />
      <ExcerptDetails field={field} errors={errors} values={values} />
      <CitesDisclosure claimId={claimId} idPrefix={idPrefix} field={field} errors={errors} initial={evidence.cites ? { ...evidence.cites, title: null } : null} />
      <FigureDisclosure idPrefix={idPrefix} field={field} errors={errors} values={values} vocabularyHref={props.vocabularyHref} sharedList={props.sharedList} />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Save evidence"}
      </button>
    </form>
  );
}

"use client";

import { useId, useState } from "react";
import { correctVerdictAction, draftVerdictAction, editVerdictAction } from "@/lib/actions/verdicts";
import type { Stance } from "@/lib/generated/prisma/enums";
import type { Rating } from "@/lib/generated/prisma/enums";
import { RATINGS } from "@/lib/ratings";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { errorsFor, VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

export type VerdictFormValues = {
  verdictId?: string;
  revision?: number;
  rating?: Rating;
  reasoning?: string;
  evidenceIds?: string[];
  /** "YYYY-MM-DDTHH:mm" in UTC, for the datetime-local field. */
  asOf?: string;
  evidenceGap?: string;
  correctionNote?: string;
  amendmentKind?: "UPDATE" | "CORRECTION";
};

/** What the form's evidence checklist needs of each item: never the full excerpt (see verdict-panel.tsx). */
export type EvidenceChoice = { id: string; stance: Stance; label: string };

const ACTIONS = { draft: draftVerdictAction, edit: editVerdictAction, correct: correctVerdictAction };
const SUBMIT_LABEL = { draft: "Save draft", edit: "Save changes", correct: "Save amendment draft" };

/** Drafting, editing and correcting a verdict: one form, three server actions. */
export function VerdictForm(props: {
  mode: keyof typeof ACTIONS;
  claimId: string;
  evidence: EvidenceChoice[];
  initial?: VerdictFormValues;
  /** Amendments of a published claim (and edits of one) are an update or a correction and must say what changed and why. */
  withCorrectionNote?: boolean;
  warning?: string;
}) {
  const { mode, initial = {} } = props;
  const { state, pending, action, onSubmit } = useFormAction(ACTIONS[mode], null);
  const [rating, setRating] = useState<Rating | "">(initial.rating ?? "");
  const [reasoning, setReasoning] = useState(initial.reasoning ?? "");
  const [evidenceIds, setEvidenceIds] = useState<string[]>(initial.evidenceIds ?? []);
  const [asOf, setAsOf] = useState(initial.asOf ?? "");
  const [evidenceGap, setEvidenceGap] = useState(initial.evidenceGap ?? "");
  const [correctionNote, setCorrectionNote] = useState(initial.correctionNote ?? "");
  const [amendmentKind, setAmendmentKind] = useState(initial.amendmentKind ?? "UPDATE");
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const err = (name: string) => errorsFor(state, name);

  const toggle = (evidenceId: string, checked: boolean) =>
    setEvidenceIds((ids) => (checked ? [...ids, evidenceId] : ids.filter((x) => x !== evidenceId)));

  return (
    <form action={action} onSubmit={onSubmit} className="stack" noValidate aria-describedby={state ? f("message") : undefined}>
      {props.warning ? <p className="alert alert-warn">{props.warning}</p> : null}
      <VerdictFormMessage state={state} id={f("message")} />
      <input type="hidden" name="claimId" value={props.claimId} />
      {initial.verdictId ? <input type="hidden" name="verdictId" value={initial.verdictId} /> : null}
      {initial.revision ? <input type="hidden" name="revision" value={initial.revision} /> : null}

      {props.withCorrectionNote ? (
        <fieldset className="field" aria-describedby={describedBy(f("kind-hint"), err("amendmentKind").length > 0 && f("kind-error"))}>
          <legend>Kind of change</legend>
          <label style={{ fontWeight: "normal" }}>
            <input type="radio" name="amendmentKind" value="UPDATE" checked={amendmentKind === "UPDATE"} onChange={() => setAmendmentKind("UPDATE")} style={{ width: "auto", marginRight: "0.5rem" }} />
            Update: new or changed evidence or wording, the rating stands
          </label>
          <label style={{ fontWeight: "normal" }}>
            <input type="radio" name="amendmentKind" value="CORRECTION" checked={amendmentKind === "CORRECTION"} onChange={() => setAmendmentKind("CORRECTION")} style={{ width: "auto", marginRight: "0.5rem" }} />
            Correction: the rating or the substance changed
          </label>
          <p id={f("kind-hint")} className="hint">
            Readers see both in the claim&apos;s version history; corrections and updates are listed on /corrections.
          </p>
          <FieldError id={f("kind-error")} messages={err("amendmentKind")} />
        </fieldset>
      ) : null}

      {props.withCorrectionNote ? (
        <div className="field">
          <label htmlFor={f("correctionNote")}>Public note</label>
          <textarea
            id={f("correctionNote")}
            name="correctionNote"
            required
            value={correctionNote}
            onChange={(e) => setCorrectionNote(e.target.value)}
            aria-invalid={err("correctionNote").length > 0}
            aria-describedby={describedBy(f("correctionNote-hint"), err("correctionNote").length > 0 && f("correctionNote-error"))}
          />
          <p id={f("correctionNote-hint")} className="hint">
            Public: what changed and why. Readers see it next to both versions.
          </p>
          <FieldError id={f("correctionNote-error")} messages={err("correctionNote")} />
        </div>
      ) : null}

      <div className="field">
        <label htmlFor={f("rating")}>Rating</label>
        <select
          id={f("rating")}
          name="rating"
          required
          value={rating}
          onChange={(e) => setRating(e.target.value as Rating)}
          aria-invalid={err("rating").length > 0}
          aria-describedby={describedBy(f("rating-hint"), err("rating").length > 0 && f("rating-error"))}
        >
          <option value="" disabled>
            Choose a rating…
          </option>
          {Object.entries(RATINGS).map(([value, r]) => (
            <option key={value} value={value}>
              {r.label} ({r.value}/5)
            </option>
          ))}
        </select>
        <p id={f("rating-hint")} className="hint">
          {rating ? RATINGS[rating].meaning : "The newsroom scale; the number is what ClaimReview publishes."}
        </p>
        <FieldError id={f("rating-error")} messages={err("rating")} />
      </div>

      <div className="field">
        <label htmlFor={f("reasoning")}>Reasoning</label>
        <textarea
          id={f("reasoning")}
          name="reasoning"
          required
          rows={6}
          value={reasoning}
          onChange={(e) => setReasoning(e.target.value)}
          aria-invalid={err("reasoning").length > 0}
          aria-describedby={describedBy(err("reasoning").length > 0 && f("reasoning-error"))}
        />
        <FieldError id={f("reasoning-error")} messages={err("reasoning")} />
      </div>

      <fieldset className="field" aria-describedby={describedBy(err("evidenceIds").length > 0 && f("evidence-error"))}>
        <legend>Supporting evidence</legend>
        {props.evidence.length === 0 ? (
          <p className="hint">No evidence is recorded for this claim yet. Add evidence on the claim first, or explain in the reasoning.</p>
        ) : (
          props.evidence.map((e) => (
            <label key={e.id} style={{ fontWeight: "normal" }}>
              <input
                type="checkbox"
                name="evidenceIds"
                value={e.id}
                checked={evidenceIds.includes(e.id)}
                onChange={(event) => toggle(e.id, event.target.checked)}
                style={{ width: "auto", marginRight: "0.5rem" }}
              />
              {e.label} <span className="badge badge-neutral">{e.stance.toLowerCase()}</span>
            </label>
          ))
        )}
        <FieldError id={f("evidence-error")} messages={err("evidenceIds")} />
      </fieldset>

      <div className="grid-2">
        <div className="field">
          <label htmlFor={f("asOf")}>As of (UTC, optional)</label>
          <input
            id={f("asOf")}
            name="asOf"
            type="datetime-local"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            aria-invalid={err("asOf").length > 0}
            aria-describedby={describedBy(f("asOf-hint"), err("asOf").length > 0 && f("asOf-error"))}
          />
          <p id={f("asOf-hint")} className="hint">
            For event claims: the moment the verdict describes (“the airport was cleared as of 7 January”).
          </p>
          <FieldError id={f("asOf-error")} messages={err("asOf")} />
        </div>
        <div className="field">
          <label htmlFor={f("evidenceGap")}>Evidence gap</label>
          <textarea
            id={f("evidenceGap")}
            name="evidenceGap"
            value={evidenceGap}
            onChange={(e) => setEvidenceGap(e.target.value)}
            aria-invalid={err("evidenceGap").length > 0}
            aria-describedby={describedBy(f("evidenceGap-hint"), err("evidenceGap").length > 0 && f("evidenceGap-error"))}
          />
          <p id={f("evidenceGap-hint")} className="hint">
            Required for “Unproven”: what evidence is missing and why it cannot be had.
          </p>
          <FieldError id={f("evidenceGap-error")} messages={err("evidenceGap")} />
        </div>
      </div>

      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : SUBMIT_LABEL[mode]}
      </button>
    </form>
  );
}

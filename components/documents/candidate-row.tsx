"use client";

import Link from "next/link";
import type { SentenceRow } from "@/lib/data/documents";
import { CLAIM_KIND_LABEL } from "@/lib/validations/document";
import type { ClaimKind } from "@/lib/generated/prisma/enums";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { ReasonBadges } from "./reason-badges";

export type Draft = { text: string; claimant: string; kind: ClaimKind };
export type RowErrors = Partial<Record<"sentenceStart" | "sentence" | "text" | "claimant" | "kind", string[]>>;

const KINDS = Object.keys(CLAIM_KIND_LABEL) as ClaimKind[];

/** One sentence: a checkbox to tick it and, once ticked, the claim as it will be created. */
export function CandidateRow(props: {
  row: SentenceRow;
  picked: boolean;
  draft: Draft;
  errors?: RowErrors;
  onToggle: (picked: boolean) => void;
  onChange: (draft: Draft) => void;
}) {
  const { row, picked, draft, errors = {}, onToggle, onChange } = props;
  const id = `s${row.start}`;
  const anchorError = [...(errors.sentenceStart ?? []), ...(errors.sentence ?? [])];
  return (
    <li className="panel" style={picked ? { borderColor: "var(--accent)", boxShadow: "inset 4px 0 0 var(--accent)" } : undefined}>
      <div style={{ display: "flex", gap: "0.75rem", alignItems: "flex-start" }}>
        <input
          type="checkbox"
          id={`${id}-pick`}
          name="pick"
          value={row.start}
          checked={picked}
          onChange={(event) => onToggle(event.target.checked)}
          aria-describedby={describedBy(`${id}-why`, anchorError.length > 0 && `${id}-anchor-error`)}
          style={{ width: "1.15rem", height: "1.15rem", marginTop: "0.2rem", flex: "none" }}
        />
        <div style={{ flex: 1 }} className="stack">
          <label htmlFor={`${id}-pick`} style={{ fontWeight: 400 }}>
            {row.text}
          </label>
          <div id={`${id}-why`} className="row" style={{ gap: "0.35rem" }}>
            {row.candidate ? <ReasonBadges candidate={row.candidate} /> : <span className="hint">Not proposed</span>}
            {row.candidate ? <span className="badge badge-neutral">Suggested: {CLAIM_KIND_LABEL[row.candidate.kind]}</span> : null}
            {row.taken.length > 0 ? <span className="badge badge-ok">Already a claim</span> : null}
          </div>
          {row.taken.length > 0 ? (
            <ul className="hint" style={{ margin: 0, paddingLeft: "1.1rem" }}>
              {row.taken.map((claim) => (
                <li key={claim.slug}>
                  <Link href={`/desk/claims/${claim.slug}`}>{claim.text}</Link>
                </li>
              ))}
            </ul>
          ) : null}
          <FieldError id={`${id}-anchor-error`} messages={anchorError} />
          {picked ? (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="visually-hidden">Claim from this sentence</legend>
              <input type="hidden" name={`sentence-${row.start}`} value={row.text} />
              <div className="field">
                <label htmlFor={`${id}-text`}>Claim as it will be checked</label>
                <textarea
                  id={`${id}-text`}
                  name={`text-${row.start}`}
                  rows={2}
                  value={draft.text}
                  onChange={(event) => onChange({ ...draft, text: event.target.value })}
                  aria-invalid={Boolean(errors.text)}
                  aria-describedby={describedBy(errors.text && `${id}-text-error`)}
                  style={{ minHeight: "3.5rem" }}
                />
                <FieldError id={`${id}-text-error`} messages={errors.text} />
              </div>
              <div className="grid-2">
                <div className="field">
                  <label htmlFor={`${id}-claimant`}>Claimant</label>
                  <input
                    id={`${id}-claimant`}
                    name={`claimant-${row.start}`}
                    value={draft.claimant}
                    placeholder="Who made the claim"
                    onChange={(event) => onChange({ ...draft, claimant: event.target.value })}
                    aria-invalid={Boolean(errors.claimant)}
                    aria-describedby={describedBy(errors.claimant && `${id}-claimant-error`)}
                  />
                  <FieldError id={`${id}-claimant-error`} messages={errors.claimant} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-kind`}>Kind</label>
                  <select
                    id={`${id}-kind`}
                    name={`kind-${row.start}`}
                    value={draft.kind}
                    onChange={(event) => onChange({ ...draft, kind: event.target.value as ClaimKind })}
                    aria-invalid={Boolean(errors.kind)}
                    aria-describedby={describedBy(errors.kind && `${id}-kind-error`)}
                  >
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {CLAIM_KIND_LABEL[kind]}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-kind-error`} messages={errors.kind} />
                </div>
              </div>
            </fieldset>
          ) : null}
        </div>
      </div>
    </li>
  );
}

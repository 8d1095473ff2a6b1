"use client";

import Link from "next/link";
import type { SentenceCandidate, SentenceRow } from "@/lib/data/documents";
import { CLAIM_KIND_LABEL, CLAIMANT_TYPE_LABEL } from "@/lib/validations/document";
import type { ClaimantType, ClaimKind } from "@/lib/generated/prisma/enums";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { ReasonBadges } from "./reason-badges";

/** A proposed claim (the n-th of `of` in its sentence), or a sentence with no proposal. */
export type Item = { key: string; row: SentenceRow; candidate: SentenceCandidate | null; n: number; of: number };
export type Draft = { text: string; claimant: string; claimantType: ClaimantType | ""; kind: ClaimKind; addSource: boolean };
export type RowErrors = Partial<Record<"sentenceStart" | "sentence" | "text" | "claimant" | "claimantType" | "kind" | "addSource", string[]>>;

const KINDS = Object.keys(CLAIM_KIND_LABEL) as ClaimKind[];
const CLAIMANT_TYPES = Object.keys(CLAIMANT_TYPE_LABEL) as ClaimantType[];

/** One proposed claim (or unproposed sentence): a checkbox to tick it and, once ticked, the claim as it will be created. */
export function CandidateRow(props: {
  item: Item;
  hasUrl: boolean;
  picked: boolean;
  draft: Draft;
  errors?: RowErrors;
  onToggle: (picked: boolean) => void;
  onChange: (draft: Draft) => void;
}) {
  const { item, hasUrl, picked, draft, errors = {}, onToggle, onChange } = props;
  const { row, candidate } = item;
  const key = item.key;
  const id = `s${key}`;
  const anchorError = [...(errors.sentenceStart ?? []), ...(errors.sentence ?? [])];
  return (
    <li className="panel" style={picked ? { borderColor: "var(--accent)", boxShadow: "inset 4px 0 0 var(--accent)" } : undefined}>
      <div style={{ display: "flex", gap: "0.75rem", alignItems: "flex-start" }}>
        <input
          type="checkbox"
          id={`${id}-pick`}
          name="pick"
          value={key}
          checked={picked}
          onChange={(event) => onToggle(event.target.checked)}
          aria-describedby={describedBy(`${id}-why`, anchorError.length > 0 && `${id}-anchor-error`)}
          style={{ width: "1.15rem", height: "1.15rem", marginTop: "0.2rem", flex: "none" }}
        />
        <div style={{ flex: 1, minWidth: 0 }} className="stack">
          <label htmlFor={`${id}-pick`} style={{ fontWeight: 400 }}>
            {candidate && item.of > 1 ? candidate.claim : row.text}
          </label>
          {candidate && item.of > 1 ? (
            <p className="hint" style={{ margin: 0 }}>
              Claim {item.n + 1} of {item.of} in the sentence: “{row.text}”
            </p>
          ) : null}
          <div id={`${id}-why`} className="row" style={{ gap: "0.35rem" }}>
            {candidate ? <ReasonBadges candidate={candidate} /> : <span className="hint">Not proposed</span>}
            {candidate ? <span className="badge badge-neutral">Suggested: {CLAIM_KIND_LABEL[candidate.kind]}</span> : null}
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
            <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <legend className="visually-hidden">Claim from this sentence</legend>
              <input type="hidden" name={`sentence-${key}`} value={row.text} />
              <div className="field">
                <label htmlFor={`${id}-text`}>Claim as it will be checked</label>
                <textarea
                  id={`${id}-text`}
                  name={`text-${key}`}
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
                    name={`claimant-${key}`}
                    value={draft.claimant}
                    list="claimant-choices"
                    autoComplete="off"
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
                    name={`kind-${key}`}
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
                <div className="field">
                  <label htmlFor={`${id}-claimantType`}>Claimant is</label>
                  <select
                    id={`${id}-claimantType`}
                    name={`claimantType-${key}`}
                    value={draft.claimantType}
                    onChange={(event) => onChange({ ...draft, claimantType: event.target.value as ClaimantType | "" })}
                    aria-invalid={Boolean(errors.claimantType)}
                    aria-describedby={describedBy(`${id}-claimantType-hint`, errors.claimantType && `${id}-claimantType-error`)}
                  >
                    <option value="">Not said</option>
                    {CLAIMANT_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {CLAIMANT_TYPE_LABEL[type]}
                      </option>
                    ))}
                  </select>
                  <span id={`${id}-claimantType-hint`} className="hint">
                    {candidate?.claimantType ? "Preset from the article: check it." : "Pick one if you know."}
                  </span>
                  <FieldError id={`${id}-claimantType-error`} messages={errors.claimantType} />
                </div>
              </div>
              <div className="field">
                <label style={{ fontWeight: 400, display: "flex", gap: "0.5rem", alignItems: "flex-start" }}>
                  <input
                    type="checkbox"
                    name={`addSource-${key}`}
                    checked={hasUrl && draft.addSource}
                    disabled={!hasUrl}
                    onChange={(event) => onChange({ ...draft, addSource: event.target.checked })}
                    aria-describedby={`${id}-source-hint`}
                    style={{ width: "1.15rem", height: "1.15rem", marginTop: "0.2rem", flex: "none" }}
                  />
                  <span>Add this article as the claim’s first source</span>
                </label>
                <span id={`${id}-source-hint`} className="hint">
                  {hasUrl ? "Its excerpt will be this sentence." : "This article was imported without a web address, so it cannot be a source."}
                </span>
              </div>
            </fieldset>
          ) : null}
        </div>
      </div>
    </li>
  );
}

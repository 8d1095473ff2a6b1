"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { z } from "@/lib/validations/zod";
import { createClaimsFromCandidatesAction } from "@/lib/actions/documents";
import type { SentenceRow } from "@/lib/data/documents";
import { candidateClaimSchema, claimsInputFromForm } from "@/lib/validations/document";
import { CandidateRow, type Draft, type RowErrors } from "./candidate-row";

type Filter = (row: SentenceRow) => boolean;
const QUICK_PICKS: Array<[string, Filter]> = [
  ["figures", (row) => Boolean(row.candidate?.reasons.includes("figure"))],
  ["quotes", (row) => Boolean(row.candidate?.reasons.includes("quote"))],
  ["proposals", (row) => row.candidate !== null],
];

function initialDraft(row: SentenceRow): Draft {
  return { text: row.text, claimant: row.candidate?.claimant ?? "", kind: row.candidate?.kind ?? "EVENT" };
}

/** The extraction form: tick sentences, adjust each claim, create them all in one step. */
export function CandidatePicker({ documentId, rows }: { documentId: string; rows: SentenceRow[] }) {
  const [picks, setPicks] = useState<ReadonlySet<number>>(new Set());
  const [drafts, setDrafts] = useState<Record<number, Draft>>(() => Object.fromEntries(rows.map((r) => [r.start, initialDraft(r)])));
  const [clientErrors, setClientErrors] = useState<Record<number, RowErrors>>({});
  const [submitted, setSubmitted] = useState<number[]>([]);
  const [state, dispatch, pending] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await createClaimsFromCandidatesAction(prev, formData);
    if (result.ok) setPicks(new Set());
    return result;
  }, null);

  const proposals = rows.filter((row) => row.candidate);
  const others = rows.filter((row) => !row.candidate);

  // Server errors name the n-th ticked sentence ("claims.2.sentenceStart"): map them back to rows.
  const errorsByRow: Record<number, RowErrors> = { ...clientErrors };
  if (state && !state.ok) {
    for (const [key, messages] of Object.entries(state.fieldErrors ?? {})) {
      const match = /^claims\.(\d+)\.(\w+)$/.exec(key);
      const start = match ? submitted[Number(match[1])] : undefined;
      if (start === undefined || !match?.[2]) continue;
      errorsByRow[start] = { ...errorsByRow[start], [match[2]]: messages };
    }
  }
  const generalErrors = state && !state.ok ? (state.fieldErrors?.claims ?? []) : [];

  function toggle(start: number, on: boolean) {
    setPicks((current) => {
      const next = new Set(current);
      if (on) next.add(start);
      else next.delete(start);
      return next;
    });
  }

  function pickWhere(filter: Filter) {
    setPicks((current) => new Set([...current, ...rows.filter((r) => filter(r) && r.taken.length === 0).map((r) => r.start)]));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    const input = claimsInputFromForm(formData);
    const errors: Record<number, RowErrors> = {};
    for (const claim of input.claims) {
      const parsed = candidateClaimSchema.safeParse(claim);
      if (!parsed.success) errors[Number(claim.sentenceStart)] = z.flattenError(parsed.error).fieldErrors;
    }
    setClientErrors(errors);
    const firstInvalid = Object.keys(errors)[0];
    if (firstInvalid !== undefined) {
      form.querySelector<HTMLElement>(`#s${firstInvalid}-pick`)?.focus();
      return;
    }
    setSubmitted(input.claims.map((claim) => Number(claim.sentenceStart)));
    startTransition(() => dispatch(formData));
  }

  const renderRow = (row: SentenceRow) => (
    <CandidateRow
      key={row.start}
      row={row}
      picked={picks.has(row.start)}
      draft={drafts[row.start] ?? initialDraft(row)}
      errors={errorsByRow[row.start]}
      onToggle={(on) => toggle(row.start, on)}
      onChange={(draft) => setDrafts((current) => ({ ...current, [row.start]: draft }))}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={pending}>
      <input type="hidden" name="documentId" value={documentId} />
      <div aria-live="polite">
        {state?.ok ? (
          <div className="alert alert-ok" role="status">
            Created {state.data.claims.length === 1 ? "1 claim" : `${state.data.claims.length} claims`}:{" "}
            {state.data.claims.map((claim, index) => (
              <span key={claim.id}>
                {index > 0 ? ", " : null}
                <Link href={`/desk/claims/${claim.slug}`}>{claim.text.length > 60 ? `${claim.text.slice(0, 60)}…` : claim.text}</Link>
              </span>
            ))}
          </div>
        ) : null}
        {state && !state.ok ? (
          <div className="alert alert-error" role="alert">
            {state.message} {generalErrors.join(" ")}
          </div>
        ) : null}
        {Object.keys(clientErrors).length > 0 ? (
          <p className="alert alert-error" role="alert">
            Some ticked sentences need a claim text or a claimant. Nothing was created yet.
          </p>
        ) : null}
      </div>

      <h2 id="proposals-heading">Proposed claims ({proposals.length})</h2>
      {proposals.length === 0 ? (
        <p className="empty">Nothing in this article looks check-worthy to the proposer. Tick any sentence below instead.</p>
      ) : (
        <ol aria-labelledby="proposals-heading" style={{ listStyle: "none", padding: 0 }}>
          {proposals.map(renderRow)}
        </ol>
      )}

      {others.length > 0 ? (
        <details className="panel">
          <summary>
            Other sentences ({others.length}): not proposed, but you can tick any of them
          </summary>
          <ol style={{ listStyle: "none", padding: 0, marginTop: "1rem" }}>{others.map(renderRow)}</ol>
        </details>
      ) : null}

      <div className="panel row" style={{ position: "sticky", bottom: 0, zIndex: 1, boxShadow: "0 -2px 8px rgb(0 0 0 / 0.06)" }}>
        <span role="group" aria-label="Quick selection" className="row" style={{ gap: "0.5rem" }}>
          {QUICK_PICKS.map(([label, filter]) => (
            <button key={label} type="button" className="secondary" onClick={() => pickWhere(filter)}>
              Tick all {label}
            </button>
          ))}
          <button type="button" className="secondary" onClick={() => setPicks(new Set())} disabled={picks.size === 0}>
            Clear
          </button>
        </span>
        <span className="spacer" style={{ flex: 1 }} />
        <span aria-live="polite" className="muted">
          {picks.size > 0 ? `${picks.size} ticked` : state?.ok ? `Created ${state.data.claims.length}: see the list above` : "No sentence ticked"}
        </span>
        <button type="submit" disabled={pending || picks.size === 0}>
          {pending ? "Creating claims…" : picks.size > 1 ? `Create ${picks.size} claims` : "Create claim"}
        </button>
      </div>
    </form>
  );
}

"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { z } from "@/lib/validations/zod";
import { createClaimsFromCandidatesAction } from "@/lib/actions/documents";
import type { SentenceRow } from "@/lib/data/documents";
import { candidateClaimSchema, claimsInputFromForm } from "@/lib/validations/document";
import { CandidateRow, type Draft, type Item, type RowErrors } from "./candidate-row";
import { DuplicateNotice } from "./duplicate-notice";
import { ClaimantChoices } from "@/components/claims/claimant-choices";
import { FormMessage } from "@/components/ui/form-message";

type Filter = (item: Item) => boolean;
const QUICK_PICKS: Array<[string, Filter]> = [
  ["figures", (item) => Boolean(item.candidate?.reasons.includes("figure"))],
  ["quotes", (item) => Boolean(item.candidate?.reasons.includes("quote"))],
  ["proposals", (item) => item.candidate !== null],
];

/** One item per proposed claim ("<offset>.<n>"), and one per sentence with no proposal ("<offset>.0"). */
function toItems(rows: SentenceRow[]): Item[] {
  return rows.flatMap((row): Item[] =>
    row.candidates.length === 0
      ? [{ key: `${row.start}.0`, row, candidate: null, n: 0, of: 0 }]
      : row.candidates.map((candidate, n) => ({ key: `${row.start}.${n}`, row, candidate, n, of: row.candidates.length })),
  );
}

function initialDraft(item: Item, hasUrl: boolean): Draft {
  return {
    text: item.candidate?.claim ?? item.row.text,
    claimant: item.candidate?.claimant ?? "",
    claimantType: item.candidate?.claimantType ?? "",
    kind: item.candidate?.kind ?? "EVENT",
    addSource: hasUrl,
  };
}

/** The extraction form: tick proposed claims, adjust each, create them all in one step. */
export function CandidatePicker({ documentId, rows, hasUrl, claimants }: { documentId: string; rows: SentenceRow[]; hasUrl: boolean; claimants: Array<{ value: string; label: string }> }) {
  const items = toItems(rows);
  const [picks, setPicks] = useState<ReadonlySet<string>>(new Set());
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(items.map((item) => [item.key, initialDraft(item, hasUrl)])));
  const [clientErrors, setClientErrors] = useState<Record<string, RowErrors>>({});
  const [submitted, setSubmitted] = useState<string[]>([]);
  const [state, dispatch, pending] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await createClaimsFromCandidatesAction(prev, formData);
    if (result.ok && !result.data.needsConfirmation) setPicks(new Set());
    return result;
  }, null);
  const created = state?.ok && !state.data.needsConfirmation ? state.data : null;
  const duplicates = state?.ok && state.data.needsConfirmation ? state.data.duplicates : null;

  const proposals = items.filter((item) => item.candidate);
  const others = items.filter((item) => !item.candidate);

  // Server errors name the n-th ticked claim ("claims.2.sentenceStart"): map them back to items.
  const errorsByRow: Record<string, RowErrors> = { ...clientErrors };
  if (state && !state.ok) {
    for (const [key, messages] of Object.entries(state.fieldErrors ?? {})) {
      const match = /^claims\.(\d+)\.(\w+)$/.exec(key);
      const start = match ? submitted[Number(match[1])] : undefined;
      if (start === undefined || !match?.[2]) continue;
      errorsByRow[start] = { ...errorsByRow[start], [match[2]]: messages };
    }
  }
  const generalErrors = state && !state.ok ? (state.fieldErrors?.claims ?? []) : [];

  function toggle(key: string, on: boolean) {
    setPicks((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function pickWhere(filter: Filter) {
    setPicks((current) => new Set([...current, ...items.filter((i) => filter(i) && i.row.taken.length === 0).map((i) => i.key)]));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    // The submitter carries "confirmDuplicate" when the person chose to create despite similar claims.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(form, submitter instanceof HTMLButtonElement ? submitter : undefined);
    const input = claimsInputFromForm(formData);
    const keys = formData.getAll("pick").map(String);
    const errors: Record<string, RowErrors> = {};
    input.claims.forEach((claim, index) => {
      const parsed = candidateClaimSchema.safeParse(claim);
      if (!parsed.success) errors[keys[index] ?? ""] = z.flattenError(parsed.error).fieldErrors;
    });
    setClientErrors(errors);
    const firstInvalid = Object.keys(errors)[0];
    if (firstInvalid !== undefined) {
      form.querySelector<HTMLElement>(`[id="s${firstInvalid}-pick"]`)?.focus();
      return;
    }
    setSubmitted(keys);
    startTransition(() => dispatch(formData));
  }

  const renderRow = (item: Item) => (
    <CandidateRow
      key={item.key}
      item={item}
      hasUrl={hasUrl}
      picked={picks.has(item.key)}
      draft={drafts[item.key] ?? initialDraft(item, hasUrl)}
      errors={errorsByRow[item.key]}
      onToggle={(on) => toggle(item.key, on)}
      onChange={(draft) => setDrafts((current) => ({ ...current, [item.key]: draft }))}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={pending}>
      <input type="hidden" name="documentId" value={documentId} />
      <ClaimantChoices choices={claimants} />
      <div aria-live="polite">
        {created ? (
          <div className="alert alert-ok" role="status">
            Created {created.claims.length === 1 ? "1 claim" : `${created.claims.length} claims`}:{" "}
            {created.claims.map((claim, index) => (
              <span key={claim.id}>
                {index > 0 ? ", " : null}
                <Link href={`/desk/claims/${claim.slug}`}>{claim.text.length > 60 ? `${claim.text.slice(0, 60)}…` : claim.text}</Link>
              </span>
            ))}
          </div>
        ) : null}
        {duplicates ? <DuplicateNotice duplicates={duplicates} pending={pending} /> : null}
        {state && !state.ok ? (
          <FormMessage tone="error">
            {state.message} {generalErrors.join(" ")}
          </FormMessage>
        ) : null}
        {Object.keys(clientErrors).length > 0 ? (
          <FormMessage tone="error">
            Some ticked claims need a claim text or a claimant. Nothing was created yet.
          </FormMessage>
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
          {picks.size > 0 ? `${picks.size} ticked` : created ? `Created ${created.claims.length}: see the list above` : "Nothing ticked"}
        </span>
        <button type="submit" disabled={pending || picks.size === 0}>
          {pending ? "Creating claims…" : picks.size > 1 ? `Create ${picks.size} claims` : "Create claim"}
        </button>
      </div>
    </form>
  );
}

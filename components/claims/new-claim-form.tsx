"use client";

import Link from "next/link";
import { createClaimAction, type CreateClaimState } from "@/lib/actions/claims";
import type { ClaimFormOptions } from "@/lib/data/claims";
import { ClaimFields, type ClaimFormValues } from "./claim-fields";
import { FormMessage } from "@/components/ui/form-message";
import { StatusBadge } from "./status-badge";
import { useFormAction } from "@/components/ui/use-form-action";

/** New claim. Similar existing claims are shown before anything is saved. */
export function NewClaimForm({ options, initial, readerRequestId }: { options: ClaimFormOptions; initial: ClaimFormValues; readerRequestId?: string }) {
  const { state, pending, action, onSubmit } = useFormAction<CreateClaimState>(createClaimAction, null);
  const candidates = state?.ok && state.data.needsConfirmation ? state.data.candidates : null;
  const failure = state && !state.ok ? state : null;

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="stack">
      {readerRequestId ? <input type="hidden" name="readerRequestId" value={readerRequestId} /> : null}
      <div aria-live="polite">
        {failure ? <FormMessage tone="error">{failure.message}</FormMessage> : null}
        {candidates ? (
          <section className="alert alert-warn" aria-labelledby="duplicates-heading">
            <h2 id="duplicates-heading">This may already be on the desk</h2>
            <p>
              {candidates.length === 1 ? "One existing claim looks" : `${candidates.length} existing claims look`} similar. Check before saving a
              duplicate.
            </p>
            <ul>
              {candidates.map((candidate) => (
                <li key={candidate.id}>
                  <Link href={`/desk/claims/${candidate.slug}`} target="_blank">
                    {candidate.text}
                  </Link>{" "}
                  <span className="muted">— {candidate.claimant}</span> <StatusBadge status={candidate.status} />{" "}
                  <span className="muted">({Math.round(candidate.score * 100)}% similar)</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <ClaimFields values={initial} errors={failure?.fieldErrors} options={options} showAssignee />
      <div className="row">
        {candidates ? (
          <button type="submit" name="confirmDuplicate" value="on" disabled={pending} aria-busy={pending}>
            {pending ? "Saving…" : "Save anyway, it is a different claim"}
          </button>
        ) : (
          <button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? "Checking for duplicates…" : "Save claim"}
          </button>
        )}
        <Link className="button secondary" href="/desk/claims">
          Cancel
        </Link>
      </div>
    </form>
  );
}

"use client";

import { transitionClaimAction, type ClaimCommandState } from "@/lib/actions/claims";
import { CLAIM_STATUS_LABEL, CLAIM_TRANSITIONS, MANUAL_TARGETS } from "@/lib/domain/workflow";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

const PATH: ClaimStatus[] = ["NEW", "RESEARCHING", "VERDICT_DRAFTED", "IN_REVIEW", "PUBLISHED"];
const ACTION_LABEL: Partial<Record<ClaimStatus, string>> = {
  RESEARCHING: "Start researching",
  VERDICT_DRAFTED: "Mark verdict drafted",
  RETRACTED: "Retract claim",
};

/**
 * The workflow with the current step marked, and the moves a person may make from here. While a
 * verdict waits for review or publication, no move is offered: "Withdraw from review" (in the
 * verdict panel) takes the claim and its verdict back together.
 */
export function StatusControl({ claimId, status, verdictInReview }: { claimId: string; status: ClaimStatus; verdictInReview: boolean }) {
  const { state, pending, action, onSubmit } = useFormAction<ClaimCommandState>(transitionClaimAction, null);
  const moves = verdictInReview ? [] : CLAIM_TRANSITIONS[status].filter((to) => MANUAL_TARGETS.includes(to));
  const backToResearch = status === "VERDICT_DRAFTED" || status === "IN_REVIEW";

  return (
    <div className="stack">
      <ol className="workflow" aria-label="Claim workflow">
        {PATH.map((step) => (
          <li key={step} aria-current={step === status ? "step" : undefined} className={step === status ? "current" : undefined}>
            {CLAIM_STATUS_LABEL[step]}
          </li>
        ))}
        {status === "RETRACTED" ? (
          <li aria-current="step" className="current">
            {CLAIM_STATUS_LABEL.RETRACTED}
          </li>
        ) : null}
      </ol>
      {moves.length > 0 ? (
        <form action={action} onSubmit={onSubmit} className="row">
          <input type="hidden" name="id" value={claimId} />
          {moves.map((to) => (
            <button
              key={to}
              type="submit"
              name="to"
              value={to}
              disabled={pending}
              className={to === "RETRACTED" ? "danger" : to === "RESEARCHING" && backToResearch ? "secondary" : undefined}
            >
              {to === "RESEARCHING" && backToResearch ? "Back to researching" : (ACTION_LABEL[to] ?? CLAIM_STATUS_LABEL[to])}
            </button>
          ))}
        </form>
      ) : null}
      <p className="hint">
        {verdictInReview
          ? "The verdict is in review: to take the claim back, use “Withdraw from review” in the verdict panel below."
          : "“In review” and “Published” follow from the verdict: submit or publish it below."}
      </p>
      <div aria-live="polite">
        {pending ? <p className="hint">Updating status…</p> : null}
        {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      </div>
    </div>
  );
}

"use client";

import { useId, useState } from "react";
import { reviewVerdictAction } from "@/lib/actions/verdicts";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { errorsFor, VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Approve or reject one revision of a verdict. The revision shown is posted with the decision, so
 * a verdict edited meanwhile is refused instead of approved unseen.
 */
export function ReviewForm({ verdictId, revision, viewerEdited }: { verdictId: string; revision: number; viewerEdited: boolean }) {
  const { state, pending, action, onSubmit } = useFormAction(reviewVerdictAction, null);
  const [comment, setComment] = useState("");
  const id = useId();
  const commentErrors = errorsFor(state, "comment");
  return (
    <form action={action} onSubmit={onSubmit} className="stack" noValidate>
      <VerdictFormMessage state={state} id={`${id}-message`} />
      <input type="hidden" name="verdictId" value={verdictId} />
      <input type="hidden" name="revision" value={revision} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>Review comment</label>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={commentErrors.length > 0}
          aria-describedby={describedBy(`${id}-hint`, commentErrors.length > 0 && `${id}-error`)}
        />
        <p id={`${id}-hint`} className="hint">
          Reviewing revision {revision}. Required when rejecting: tell the author what needs to change.
        </p>
        <FieldError id={`${id}-error`} messages={commentErrors} />
      </div>
      {viewerEdited ? (
        <p id={`${id}-four-eyes`} className="hint">
          Four-eyes rule: you wrote or edited this verdict, so another editor must approve it.
        </p>
      ) : null}
      <div className="row">
        <button
          type="submit"
          name="outcome"
          value="APPROVED"
          disabled={pending || viewerEdited}
          aria-describedby={viewerEdited ? `${id}-four-eyes` : undefined}
        >
          Approve
        </button>
        <button type="submit" name="outcome" value="REJECTED" className="secondary" disabled={pending}>
          Reject
        </button>
        {pending ? <span className="muted">Saving decision…</span> : null}
      </div>
    </form>
  );
}

"use client";

import { useRef } from "react";
import { addCommentAction, type CommentState } from "@/lib/actions/comments";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { COMMENT_MAX } from "@/lib/validations/comment";

/** Posts a comment; "@" plus a colleague's name or handle notifies them. */
export function CommentForm({ claimId, handles }: { claimId: string; handles: string[] }) {
  const { state, pending, action, onSubmit } = useFormAction<CommentState>(addCommentAction, null);
  const form = useRef<HTMLFormElement>(null);
  const error = state && !state.ok ? state : null;
  const fieldError = error?.fieldErrors?.body?.[0];
  return (
    <form ref={form} action={action} onSubmit={onSubmit} aria-label="Add a comment">
      <input type="hidden" name="claimId" value={claimId} />
      <label htmlFor="comment-body">Comment</label>
      <textarea
        // A fresh textarea after each saved comment; a refused one keeps what was typed.
        key={state?.ok ? state.data.id : "draft"}
        id="comment-body"
        name="body"
        rows={3}
        maxLength={COMMENT_MAX}
        defaultValue={error?.values.body ?? ""}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={`comment-hint${fieldError ? " comment-error" : ""}`}
      />
      <p id="comment-hint" className="hint">
        Only the desk sees comments. Mention a colleague with @ and their name or handle{handles.length > 0 ? ` (${handles.slice(0, 6).map((h) => `@${h}`).join(", ")}${handles.length > 6 ? "…" : ""})` : ""}: they are notified.
      </p>
      <div aria-live="polite">
        {fieldError ? (
          <p id="comment-error" className="field-error">
            {fieldError}
          </p>
        ) : null}
        {error && !fieldError ? <FormMessage tone="error">{error.message}</FormMessage> : null}
        {state?.ok ? (
          <FormMessage tone="ok">
            Comment added{state.data.notified > 0 ? `; ${state.data.notified} colleague${state.data.notified === 1 ? "" : "s"} notified` : ""}.
          </FormMessage>
        ) : null}
      </div>
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Posting…" : "Post comment"}
      </button>
    </form>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import { bulkUpdateClaimsAction, type BulkClaimsState } from "@/lib/actions/claims";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { CLAIM_STATUS_LABEL, MANUAL_TARGETS } from "@/lib/domain/workflow";
import type { BulkClaimsInput } from "@/lib/validations/claim";
import { BULK_FORM_ID } from "./bulk-form-id";

type Props = { deskUsers: { id: string; name: string }[]; stories: { id: string; title: string }[]; actorId: string };

/**
 * The bulk action bar above the claims table. The rows' checkboxes belong to this form through
 * their `form` attribute, so the table stays a server component. Each claim is changed (and
 * audited) on its own; refusals are listed by claim.
 */
export function BulkBar({ deskUsers, stories, actorId }: Props) {
  const { state, pending, action, onSubmit } = useFormAction<BulkClaimsState>(bulkUpdateClaimsAction, null);
  const [operation, setOperation] = useState<BulkClaimsInput["operation"]>("assign");
  const error = state && !state.ok ? state : null;
  const fieldError = error?.fieldErrors && Object.values(error.fieldErrors).flat()[0];
  return (
    <form id={BULK_FORM_ID} action={action} onSubmit={onSubmit} className="panel" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" className="visually-hidden">
        Change the ticked claims
      </h2>
      <div className="bulk-bar">
        <div>
          <label htmlFor="bulk-operation">With the ticked claims</label>
          <select id="bulk-operation" name="operation" value={operation} onChange={(e) => setOperation(e.target.value as BulkClaimsInput["operation"])}>
            <option value="assign">Assign to…</option>
            <option value="status">Move to status…</option>
            <option value="story">Put in story…</option>
          </select>
        </div>
        {operation === "assign" ? (
          <div>
            <label htmlFor="bulk-assignee">Assignee</label>
            <select id="bulk-assignee" name="assigneeId" defaultValue={actorId}>
              <option value="">Nobody</option>
              {deskUsers.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                  {user.id === actorId ? " (me)" : ""}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {operation === "status" ? (
          <div>
            <label htmlFor="bulk-status">Status</label>
            <select id="bulk-status" name="to" defaultValue={MANUAL_TARGETS[0]}>
              {MANUAL_TARGETS.map((status) => (
                <option key={status} value={status}>
                  {CLAIM_STATUS_LABEL[status]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {operation === "story" ? (
          <div>
            <label htmlFor="bulk-story">Story</label>
            <select id="bulk-story" name="storyId" defaultValue={stories[0]?.id ?? ""}>
              <option value="">No story</option>
              {stories.map((story) => (
                <option key={story.id} value={story.id}>
                  {story.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Applying…" : "Apply to ticked claims"}
        </button>
      </div>
      <div aria-live="polite">
        {error ? <FormMessage tone="error">{fieldError ?? error.message}</FormMessage> : null}
        {state?.ok ? (
          <>
            <FormMessage tone={state.data.refused.length > 0 ? "warn" : "ok"}>
              {state.data.done.length} claim{state.data.done.length === 1 ? "" : "s"} changed
              {state.data.refused.length > 0 ? `; ${state.data.refused.length} refused:` : "."}
            </FormMessage>
            {state.data.refused.length > 0 ? (
              <ul aria-label="Refused claims">
                {state.data.refused.map((r) => (
                  <li key={r.id}>
                    {r.slug ? <Link href={`/desk/claims/${r.slug}`}>{r.slug}</Link> : "A claim"}: {r.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  );
}

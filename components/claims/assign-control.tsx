"use client";

import { assignClaimAction, type ClaimCommandState } from "@/lib/actions/claims";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

type DeskUser = { id: string; name: string };

/** Assigns the claim to any active member of the desk, or to nobody. */
export function AssignControl(props: { claimId: string; assigneeId: string | null; deskUsers: DeskUser[]; actorId: string }) {
  const { state, pending, action, onSubmit } = useFormAction<ClaimCommandState>(assignClaimAction, null);
  const error = state && !state.ok ? state : null;
  return (
    <form action={action} onSubmit={onSubmit} className="row" aria-label="Assignment">
      <input type="hidden" name="id" value={props.claimId} />
      <label htmlFor="assignee" className="visually-hidden">
        Assigned to
      </label>
      <select
        key={props.assigneeId ?? "nobody"}
        id="assignee"
        name="assigneeId"
        defaultValue={props.assigneeId ?? ""}
        aria-describedby={error ? "assignee-error" : undefined}
        style={{ width: "auto" }}
      >
        <option value="">Nobody</option>
        {props.deskUsers.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
            {user.id === props.actorId ? " (me)" : ""}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Assign"}
      </button>
      {props.assigneeId !== props.actorId ? (
        <button type="submit" className="secondary" name="assigneeId" value={props.actorId} disabled={pending} data-shortcut="assign-me">
          Assign to me
        </button>
      ) : null}
      <div aria-live="polite" id="assignee-error">
        {error ? <FormMessage tone="error">{error.fieldErrors?.assigneeId?.[0] ?? error.message}</FormMessage> : null}
      </div>
    </form>
  );
}

"use client";

import { assignReaderRequestAction, closeReaderRequestAction, linkReaderRequestAction, type TriageState } from "@/lib/actions/reader-requests";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { CLOSE_REASON_LABEL, CLOSE_REASONS } from "@/lib/validations/reader-request";

type DeskUser = { id: string; name: string };

function Outcome({ state, id, field, done }: { state: TriageState; id: string; field: string; done: string }) {
  return (
    <div aria-live="polite" id={id}>
      {state && !state.ok ? <FormMessage tone="error">{state.fieldErrors?.[field]?.[0] ?? state.message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="ok">{done}</FormMessage> : null}
    </div>
  );
}

/** Takes the request, or gives it to another member of the desk. */
export function AssignRequestForm({ requestId, assigneeId, deskUsers, actorId }: { requestId: string; assigneeId: string | null; deskUsers: DeskUser[]; actorId: string }) {
  const { state, pending, action, onSubmit } = useFormAction<TriageState>(assignReaderRequestAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="row" aria-label="Assignment">
      <input type="hidden" name="id" value={requestId} />
      <label htmlFor="request-assignee">Assigned to</label>
      <select id="request-assignee" name="assigneeId" defaultValue={assigneeId ?? ""} style={{ width: "auto" }} aria-describedby="assign-outcome">
        <option value="">Nobody</option>
        {deskUsers.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
            {user.id === actorId ? " (me)" : ""}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        Assign
      </button>
      {assigneeId !== actorId ? (
        <button type="submit" className="secondary" name="assigneeId" value={actorId} disabled={pending}>
          Assign to me
        </button>
      ) : null}
      <Outcome state={state} id="assign-outcome" field="assigneeId" done="Assignment saved." />
    </form>
  );
}

/** Ties the request to a claim already on the desk, by its address or slug. */
export function LinkRequestForm({ requestId, isSuggestion }: { requestId: string; isSuggestion: boolean }) {
  const { state, pending, action, onSubmit } = useFormAction<TriageState>(linkReaderRequestAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="stack" aria-label="Link to an existing claim">
      <input type="hidden" name="id" value={requestId} />
      <div className="field">
        <label htmlFor="link-claim">Existing claim (its address or slug)</label>
        <p className="hint" id="link-claim-hint">
          {isSuggestion ? "The suggestion is then closed as already on the desk." : "The request stays open on that claim until a correction is published or you close it."}
        </p>
        <input id="link-claim" name="claimSlug" required aria-describedby="link-claim-hint link-outcome" />
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        Link to this claim
      </button>
      <Outcome state={state} id="link-outcome" field="claimSlug" done="Linked." />
    </form>
  );
}

/** Closes the request with a reason (and a note for the desk only). */
export function CloseRequestForm({ requestId }: { requestId: string }) {
  const { state, pending, action, onSubmit } = useFormAction<TriageState>(closeReaderRequestAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="stack" aria-label="Close the request">
      <input type="hidden" name="id" value={requestId} />
      <div className="field">
        <label htmlFor="close-reason">Reason</label>
        <select id="close-reason" name="reason" required defaultValue="" aria-describedby="close-outcome">
          <option value="" disabled>
            Choose a reason
          </option>
          {CLOSE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {CLOSE_REASON_LABEL[reason]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="close-note">Note for the desk (optional)</label>
        <textarea id="close-note" name="note" rows={2} maxLength={1000} />
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        Close request
      </button>
      <Outcome state={state} id="close-outcome" field="reason" done="Closed." />
    </form>
  );
}

"use client";

import { markNotificationsReadAction, type NotificationState } from "@/lib/actions/notifications";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** "Mark read" for one notification (`id`) or "Mark all read" (no id). */
export function MarkReadButton({ id, label }: { id?: string; label: string }) {
  const { state, pending, action, onSubmit } = useFormAction<NotificationState>(markNotificationsReadAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="row">
      {id ? <input type="hidden" name="id" value={id} /> : <input type="hidden" name="all" value="1" />}
      <button type="submit" className="secondary" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : label}
      </button>
      {state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}
    </form>
  );
}

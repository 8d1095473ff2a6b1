"use client";

import { archiveStoryAction, type StoryCommandState } from "@/lib/actions/stories";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/** Archives a story (out of the desk's pickers) or brings it back. */
export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const { state, pending, action, onSubmit } = useFormAction<StoryCommandState>(archiveStoryAction, null);
  return (
    <form action={action} onSubmit={onSubmit} className="row">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button type="submit" className="secondary" disabled={pending} aria-busy={pending}>
        {archived ? "Bring back from the archive" : "Archive story"}
      </button>
      <div aria-live="polite">{state && !state.ok ? <FormMessage tone="error">{state.message}</FormMessage> : null}</div>
    </form>
  );
}

"use client";

import { createStoryAction, updateStoryAction, type StoryFormState } from "@/lib/actions/stories";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

type Story = { id: string; title: string; summary: string; startsOn: string | null };

/** Creates a story, or edits one (`story` given). Shares createStorySchema / updateStorySchema with the server. */
export function StoryForm({ story }: { story?: Story }) {
  const { state, pending, action, onSubmit } = useFormAction<StoryFormState>(story ? updateStoryAction : createStoryAction, null);
  const error = state && !state.ok ? state : null;
  const value = (name: keyof Story) => error?.values[name] ?? (story ? (story[name] ?? "") : "");
  const errors = (name: string) => error?.fieldErrors?.[name];
  const prefix = story ? "edit-story" : "new-story";
  return (
    <form action={action} onSubmit={onSubmit} aria-label={story ? "Edit the story" : "New story"} noValidate>
      {story ? <input type="hidden" name="id" value={story.id} /> : null}
      <div aria-live="polite">{error ? <FormMessage tone="error">{error.fieldErrors ? "Fix the highlighted fields." : error.message}</FormMessage> : null}</div>
      <FormField
        idPrefix={prefix}
        name="title"
        label="Title"
        errors={errors("title")}
        render={(p) => <input {...p} defaultValue={value("title")} required maxLength={200} />}
      />
      <FormField
        idPrefix={prefix}
        name="summary"
        label="Summary (optional)"
        hint="One or two sentences on what happened, for readers of the story page."
        errors={errors("summary")}
        render={(p) => <textarea {...p} rows={3} defaultValue={value("summary")} maxLength={2000} />}
      />
      <FormField
        idPrefix={prefix}
        name="startsOn"
        label="Started on (optional)"
        errors={errors("startsOn")}
        render={(p) => <input {...p} type="date" defaultValue={value("startsOn")} style={{ width: "auto" }} />}
      />
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : story ? "Save story" : "Create story"}
      </button>
    </form>
  );
}

"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { FormField } from "@/components/ui/form-field";
import { importDocumentFromUrlAction } from "@/lib/actions/documents";
import { FormMessage } from "@/components/ui/form-message";

type StoryOption = { id: string; title: string };

/** Import by address: the server fetches the page safely and keeps its main text; candidates follow as for a pasted article. */
export function ImportUrlForm({ stories }: { stories: StoryOption[] }) {
  const { state, action, onSubmit, pending } = useFormAction(importDocumentFromUrlAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string) => ({ name, idPrefix: "byurl", errors: errors[name] });
  return (
    <form action={action} onSubmit={onSubmit} className="panel stack" noValidate aria-labelledby="byurl-heading" aria-busy={pending}>
      <h2 id="byurl-heading">From a web address</h2>
      <div aria-live="polite">{state && !state.ok && !errors.url ? <FormMessage tone="error">{state.message}</FormMessage> : null}</div>
      <FormField {...field("url")} label="Article URL" hint="A public http:// or https:// page; we fetch it once and keep its main text." render={(c) => <input {...c} type="url" inputMode="url" required />} />
      <div className="grid-2">
        <FormField {...field("outlet")} label="Outlet (optional)" hint="Left empty: the site's name from the address." render={(c) => <input {...c} maxLength={200} />} />
        <FormField
          {...field("storyId")}
          label="Story (optional)"
          render={(c) => (
            <select {...c} defaultValue="">
              <option value="">No story</option>
              {stories.map((story) => (
                <option key={story.id} value={story.id}>
                  {story.title}
                </option>
              ))}
            </select>
          )}
        />
      </div>
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Fetching…" : "Fetch and find claims"}
      </button>
    </form>
  );
}

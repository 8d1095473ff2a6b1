"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { importClaimReviewsAction } from "@/lib/actions/claim-review-import";
import { MAX_IMPORT_CHARS, MAX_IMPORT_ITEMS } from "@/lib/validations/claim-review-import";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { ImportResults } from "./import-results";
import { FormMessage } from "@/components/ui/form-message";

type StoryOption = { id: string; title: string };

/** Paste ClaimReview JSON-LD, JSON Lines or an HTML page; the result lists what happened to each item. */
export function ImportClaimReviewsForm({ stories }: { stories: StoryOption[] }) {
  // Submitted from onSubmit so a long paste survives a refusal (a form action would reset the form).
  const { state, action: dispatch, onSubmit, pending } = useFormAction(importClaimReviewsAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <>
      <form action={dispatch} onSubmit={onSubmit} className="panel" noValidate aria-busy={pending}>
        <div aria-live="polite">
          {state && !state.ok ? (
            <FormMessage tone="error">
              {state.message}
            </FormMessage>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="import-text">ClaimReview markup</label>
          <textarea
            id="import-text"
            name="text"
            required
            rows={14}
            maxLength={MAX_IMPORT_CHARS}
            spellCheck={false}
            placeholder='{"@context": "https://schema.org", "@type": "ClaimReview", …}'
            aria-invalid={Boolean(errors.text)}
            aria-describedby={describedBy("import-text-hint", errors.text && "import-text-error")}
          />
          <p id="import-text-hint" className="hint">
            Paste ClaimReview JSON-LD (one object, an array, a graph or a Data Commons DataFeed), JSON Lines (one ClaimReview per line,
            like our own export) or the HTML source of a fact-check page (JSON-LD, microdata or RDFa). Up to {MAX_IMPORT_ITEMS} reviews and
            2 MB at a time. Reviews imported before are skipped.
          </p>
          <FieldError id="import-text-error" messages={errors.text} />
        </div>

        <div className="field">
          <label htmlFor="import-story">Story (optional)</label>
          <select id="import-story" name="storyId" defaultValue="" aria-invalid={Boolean(errors.storyId)} aria-describedby={describedBy(errors.storyId && "import-story-error")}>
            <option value="">No story</option>
            {stories.map((story) => (
              <option key={story.id} value={story.id}>
                {story.title}
              </option>
            ))}
          </select>
          <FieldError id="import-story-error" messages={errors.storyId} />
        </div>

        <button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import checks"}
        </button>
      </form>

      <div aria-live="polite">{state?.ok ? <ImportResults summary={state.data} /> : null}</div>
    </>
  );
}

"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { importDocumentAction } from "@/lib/actions/documents";
import { MAX_DOCUMENT_CHARS } from "@/lib/validations/document";
import { LANGUAGE_LABEL, LANGUAGES } from "@/lib/extraction/language";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";

type StoryOption = { id: string; title: string };

export function ImportDocumentForm({ stories }: { stories: StoryOption[] }) {
  // Submitted from onSubmit so a long pasted article survives a refusal.
  const { state, action: dispatch, onSubmit, pending } = useFormAction(importDocumentAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form action={dispatch} onSubmit={onSubmit} className="panel" noValidate aria-busy={pending}>
      <div aria-live="polite">
        {state && !state.ok ? (
          <FormMessage tone="error">
            {state.message}
          </FormMessage>
        ) : null}
      </div>

      <div className="grid-2">
        <div className="field">
          <label htmlFor="title">Headline</label>
          <input id="title" name="title" required maxLength={300} aria-invalid={Boolean(errors.title)} aria-describedby={describedBy(errors.title && "title-error")} />
          <FieldError id="title-error" messages={errors.title} />
        </div>
        <div className="field">
          <label htmlFor="outlet">Outlet</label>
          <input id="outlet" name="outlet" required maxLength={200} placeholder="e.g. Reuters" aria-invalid={Boolean(errors.outlet)} aria-describedby={describedBy(errors.outlet && "outlet-error")} />
          <FieldError id="outlet-error" messages={errors.outlet} />
        </div>
        <div className="field">
          <label htmlFor="url">Web address (optional)</label>
          <input id="url" name="url" type="url" inputMode="url" placeholder="https://" aria-invalid={Boolean(errors.url)} aria-describedby={describedBy("url-hint", errors.url && "url-error")} />
          <p id="url-hint" className="hint">Only http:// and https:// addresses.</p>
          <FieldError id="url-error" messages={errors.url} />
        </div>
        <div className="field">
          <label htmlFor="publishedAt">Published (optional)</label>
          <input id="publishedAt" name="publishedAt" type="date" aria-invalid={Boolean(errors.publishedAt)} aria-describedby={describedBy(errors.publishedAt && "publishedAt-error")} />
          <FieldError id="publishedAt-error" messages={errors.publishedAt} />
        </div>
      </div>

      <div className="field">
        <label htmlFor="storyId">Story</label>
        <select id="storyId" name="storyId" defaultValue="" aria-invalid={Boolean(errors.storyId)} aria-describedby={describedBy("storyId-hint", errors.storyId && "storyId-error")}>
          <option value="">No story yet</option>
          {stories.map((story) => (
            <option key={story.id} value={story.id}>
              {story.title}
            </option>
          ))}
        </select>
        <p id="storyId-hint" className="hint">Claims created from this article are filed under the story.</p>
        <FieldError id="storyId-error" messages={errors.storyId} />
      </div>

      <div className="field">
        <label htmlFor="language">Language</label>
        <select id="language" name="language" defaultValue="" aria-invalid={Boolean(errors.language)} aria-describedby={describedBy("language-hint", errors.language && "language-error")}>
          <option value="">Detect from the text</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_LABEL[language]}
            </option>
          ))}
        </select>
        <p id="language-hint" className="hint">Claims are proposed best in English; Cyrillic articles get sentences, quotes and figures in digits.</p>
        <FieldError id="language-error" messages={errors.language} />
      </div>

      <div className="field">
        <label htmlFor="text">Article text</label>
        <textarea
          id="text"
          name="text"
          required
          rows={16}
          maxLength={MAX_DOCUMENT_CHARS}
          aria-invalid={Boolean(errors.text)}
          aria-describedby={describedBy("text-hint", errors.text && "text-error")}
        />
        <p id="text-hint" className="hint">
          Paste the article as published. Each line break ends a sentence; headings and captions are not proposed as claims.
        </p>
        <FieldError id="text-error" messages={errors.text} />
      </div>

      <button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import and find claims"}
      </button>
    </form>
  );
}

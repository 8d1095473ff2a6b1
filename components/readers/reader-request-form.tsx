import { getAuthSecret, getEnv } from "@/lib/env";
import { issueFormToken } from "@/lib/readers/form-token";
import { HONEYPOT_FIELD } from "@/lib/readers/submit";
import { READER_SEEN_AT_MAX, READER_TEXT_MAX, type ReaderRequestKindName } from "@/lib/validations/reader-request";

const COPY: Record<ReaderRequestKindName, { label: string; hint: string; submit: string }> = {
  SUGGESTION: {
    label: "The claim you want us to check",
    hint: "Quote it as closely as you can, and say who made it.",
    submit: "Send suggestion",
  },
  CORRECTION: {
    label: "What is wrong, and what is right",
    hint: "Name the error; a source for the right version helps us most.",
    submit: "Send correction request",
  },
};

/**
 * One reader form (plain HTML: it works without JavaScript). Posts to /reader-requests, which
 * redirects to a confirmation with a reference. Everything but the main text is optional; the
 * e-mail is only for telling the reader the outcome and is never shown publicly.
 */
export function ReaderRequestForm({ kind, page, id }: { kind: ReaderRequestKindName; page?: string; id: string }) {
  const copy = COPY[kind];
  const token = issueFormToken(getAuthSecret());
  return (
    <form method="post" action="/reader-requests" className="stack reader-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="token" value={token} />
      {page ? <input type="hidden" name="page" value={page} /> : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>{copy.label}</label>
        <p className="hint" id={`${id}-text-hint`}>
          {copy.hint}
        </p>
        <textarea id={`${id}-text`} name="text" required maxLength={READER_TEXT_MAX} rows={4} aria-describedby={`${id}-text-hint`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-seen`}>Link, or where you saw it (optional)</label>
        <input id={`${id}-seen`} name="seenAt" type="text" maxLength={READER_SEEN_AT_MAX} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>Your e-mail, if you want to hear back (optional)</label>
        <p className="hint" id={`${id}-email-hint`}>
          Never published; deleted after we reply, or after {getEnv().READER_EMAIL_RETENTION_DAYS} days at the latest.
        </p>
        <input id={`${id}-email`} name="email" type="email" maxLength={254} autoComplete="email" aria-describedby={`${id}-email-hint`} />
      </div>
      <div className="reader-form-trap" aria-hidden="true">
        <label htmlFor={`${id}-${HONEYPOT_FIELD}`}>Leave this empty</label>
        <input id={`${id}-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit">{copy.submit}</button>
    </form>
  );
}

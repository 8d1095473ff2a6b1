import type { ClaimDetail } from "@/lib/data/claims";
import { formatWhen } from "../evidence/format";

/** The document the claim was found in, with the exact sentence marked in its context. */
export function ClaimAppearance({ appearance }: { appearance: ClaimDetail["appearance"] }) {
  return (
    <section className="panel" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Where it appeared</h2>
      {!appearance ? (
        <p className="empty">Not linked to a document. Edit the claim to anchor it to the sentence it came from.</p>
      ) : (
        <>
          <p>
            {appearance.url ? (
              <a href={appearance.url} target="_blank" rel="noopener noreferrer nofollow">
                {appearance.title}
              </a>
            ) : (
              appearance.title
            )}{" "}
            <span className="muted">
              — {appearance.outlet}
              {appearance.publishedAt ? `, ${formatWhen(appearance.publishedAt)}` : ""}
            </span>
          </p>
          {appearance.sentence && appearance.context ? (
            <blockquote>
              <span className="muted">…{appearance.context.before}</span>
              <mark>{appearance.sentence}</mark>
              <span className="muted">{appearance.context.after}…</span>
            </blockquote>
          ) : appearance.sentence ? (
            <>
              <blockquote>{appearance.sentence}</blockquote>
              <p className="alert alert-warn">This sentence is no longer found at its recorded place in the document.</p>
            </>
          ) : (
            <p className="hint">No sentence anchored yet.</p>
          )}
          {appearance.sentenceStart !== null ? <p className="hint">Character {appearance.sentenceStart} of the document.</p> : null}
        </>
      )}
    </section>
  );
}

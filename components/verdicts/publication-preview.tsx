import { RatingBadge } from "@/components/ledger/rating-badge";
import type { PublicRecord } from "@/lib/data/publications";
import { explainConflict } from "@/lib/domain/conflicts";

/**
 * Exactly what readers will see if this verdict is published (built by the same database function
 * as the publication snapshot), with the sources, the conflicts and what changes from the version
 * now public. Shown at the approve and publish steps.
 */
export function PublicationPreview({ record, heading }: { record: PublicRecord; heading: string }) {
  const { preview, latest } = record;
  if (!preview) return null;
  const { content, diff } = preview;
  return (
    <section className="panel stack publication-preview" aria-label={heading}>
      <h4>{heading}</h4>
      <p>
        <strong>“{content.text}”</strong> — {content.claimant} · <RatingBadge rating={content.verdict.rating} />
      </p>
      <p className="muted">{content.verdict.reasoning}</p>
      <h5>Sources readers will see ({content.sources.length})</h5>
      {content.sources.length === 0 ? (
        <p className="alert alert-warn">No sources: readers will see a verdict with no evidence.</p>
      ) : (
        <ul>
          {content.sources.map((s) => (
            <li key={s.source.url}>
              <span className="badge badge-neutral">{s.stance.toLowerCase()}</span> {s.source.outlet}
              {s.source.title ? `, ${s.source.title}` : ""}: “{s.excerpt}”
            </li>
          ))}
        </ul>
      )}
      <h5>Conflicting accounts</h5>
      {content.conflicts.length === 0 ? <p className="muted">None.</p> : <ul>{content.conflicts.map((c, i) => <li key={i}>{explainConflict(c)}</li>)}</ul>}
      {latest && diff ? (
        <>
          <h5>Changes from public version {latest.version}</h5>
          {diff.fields.length === 0 && diff.sources.length === 0 ? (
            <p className="muted">No change to what readers see.</p>
          ) : (
            <ul>
              {diff.fields.map((f) => (
                <li key={f.field}>
                  {f.field}:{" "}
                  <span className="diff">
                    {f.segments.map((s, i) => (s.op === "added" ? <ins key={i}>{i > 0 && f.segments[i - 1]!.op === "removed" ? " " : null}{s.text}</ins> : s.op === "removed" ? <del key={i}>{s.text}</del> : <span key={i}>{s.text}</span>))}
                  </span>
                </li>
              ))}
              {diff.sources.map((s) => (
                <li key={`${s.change}-${s.url}`}>
                  Source {s.change}: {s.outlet}
                  {s.details.length > 0 ? ` (${s.details.join("; ")})` : ""}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

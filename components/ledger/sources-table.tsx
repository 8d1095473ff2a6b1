import type { PublicSource } from "@/lib/public/types";
import { formatDate } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

const STANCE: Record<PublicSource["stance"], { label: string; className: string }> = {
  SUPPORTS: { label: "Supports", className: "badge-ok" },
  CONTRADICTS: { label: "Contradicts", className: "badge-conflict" },
  MIXED: { label: "Mixed", className: "badge-warn" },
  CONTEXT: { label: "Context", className: "badge-neutral" },
};

export function SourcesTable({ sources, independentOrigins }: { sources: PublicSource[]; independentOrigins: number }) {
  if (sources.length === 0) return <p className="empty">No sources are attached to this check.</p>;
  return (
    <>
      <p>
        <strong>{sources.length}</strong> {sources.length === 1 ? "source" : "sources"} from <strong>{independentOrigins}</strong> independent{" "}
        {independentOrigins === 1 ? "origin" : "origins"}. Reports that only repeat another source count once.
      </p>
      <TableScroll label="Sources for this claim, their stance and citation chain">
        <table className="stack-on-phone">
          <caption className="visually-hidden">Sources for this claim, their stance and citation chain</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Stance</th>
              <th scope="col">What it says</th>
              <th scope="col">Citation chain</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.source.url}>
                <th scope="row">
                  <a href={s.source.url} rel="noopener noreferrer">
                    {s.source.title ?? s.source.outlet}
                  </a>
                  <div className="muted">
                    {s.source.outlet}
                    {s.source.publishedAt ? <> · <time dateTime={s.source.publishedAt}>{formatDate(s.source.publishedAt)}</time></> : null}
                  </div>
                  {s.source.archiveUrl ? (
                    <a href={s.source.archiveUrl} rel="noopener noreferrer">
                      Archived copy
                    </a>
                  ) : null}
                  {s.source.reliabilityNote ? <p className="hint">{s.source.reliabilityNote}</p> : null}
                  {s.changedAfterCitation ? (
                    <p className="hint">
                      {s.changedAfterCitation.kind === "GONE" ? "The page was removed after it was cited" : "The source changed after it was cited"}, on{" "}
                      <time dateTime={s.changedAfterCitation.on}>{formatDate(s.changedAfterCitation.on)}</time>.
                    </p>
                  ) : null}
                </th>
                <td data-label="Stance">
                  <span className={`badge ${STANCE[s.stance].className}`}>{STANCE[s.stance].label}</span>
                </td>
                <td data-label="What it says">
                  <blockquote lang={s.translation?.excerptLanguage}>{s.excerpt}</blockquote>
                  {s.translation ? (
                    <p className="translation">
                      <span className="muted">Our translation: </span>
                      <span lang="en">{s.translation.text}</span>
                    </p>
                  ) : null}
                  {s.attribution ? <div className="muted">— {s.attribution}</div> : null}
                  {s.location ? <div className="hint">{s.location}</div> : null}
                </td>
                <td data-label="Citation chain">
                  {s.cites ? (
                    <>
                      Cites <a href={s.cites.url} rel="noopener noreferrer">{s.cites.title ?? s.cites.outlet}</a>
                      {s.origin.url !== s.cites.url ? <div className="hint">Origin: {s.origin.outlet}</div> : null}
                    </>
                  ) : (
                    <span className="muted">Original reporting</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

import { diffVersions, type DiffSegment } from "@/lib/public/diff";
import type { PublicVersion } from "@/lib/public/types";
import { formatDate } from "./format";

const KIND_LABEL = { original: "First published", update: "Updated", correction: "Corrected", retraction: "Retracted" } as const;

/** "Checked by A (date) · approved by B (date)", as named on the day of that version. */
export function Byline({ version }: { version: PublicVersion }) {
  const { byline } = version;
  if (!byline.checkedBy && !byline.approvedBy) return null;
  return (
    <p className="muted byline">
      {byline.checkedBy ? (
        <>
          Checked by <strong>{byline.checkedBy}</strong>
          {byline.checkedAt ? <> on <time dateTime={byline.checkedAt}>{formatDate(byline.checkedAt)}</time></> : null}
        </>
      ) : null}
      {byline.checkedBy && byline.approvedBy ? " · " : null}
      {byline.approvedBy ? (
        <>
          approved by editor <strong>{byline.approvedBy}</strong>
          {byline.approvedAt ? <> on <time dateTime={byline.approvedAt}>{formatDate(byline.approvedAt)}</time></> : null}
        </>
      ) : null}
    </p>
  );
}

function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <span className="diff">
      {segments.map((s, i) =>
        s.op === "added" ? (
          <ins key={i}>
            {i > 0 && segments[i - 1]!.op === "removed" ? " " : null}
            {s.text}
          </ins>
        ) : s.op === "removed" ? (
          <del key={i}>{s.text}</del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

/** Every published version, newest first, with its note, byline and what changed from the one before. */
export function VersionHistory({ versions }: { versions: PublicVersion[] }) {
  if (versions.length <= 1) return <p className="muted">This check has not been updated or corrected since it was first published.</p>;
  const newestFirst = [...versions].reverse();
  return (
    <ol className="stack version-history">
      {newestFirst.map((v) => {
        const previous = versions.find((p) => p.version === v.version - 1);
        const diff = previous && v.kind !== "retraction" ? diffVersions(previous.content, v.content) : null;
        return (
          <li key={v.version} className={`panel version version-${v.kind}`}>
            <h3>
              Version {v.version}: {KIND_LABEL[v.kind]} <time dateTime={v.publishedAt}>{formatDate(v.publishedAt)}</time>
            </h3>
            {v.note ? <p style={{ whiteSpace: "pre-wrap" }}>{v.note}</p> : null}
            <Byline version={v} />
            {diff ? (
              diff.fields.length === 0 && diff.sources.length === 0 ? (
                <p className="muted">No change to what readers see.</p>
              ) : (
                <dl className="diff-list">
                  {diff.fields.map((f) => (
                    <div key={f.field}>
                      <dt>{f.field}</dt>
                      <dd>
                        <Segments segments={f.segments} />
                      </dd>
                    </div>
                  ))}
                  {diff.sources.length > 0 ? (
                    <div>
                      <dt>Sources</dt>
                      <dd>
                        <ul>
                          {diff.sources.map((s) => (
                            <li key={`${s.change}-${s.url}`}>
                              <strong>{s.change === "added" ? "Added" : s.change === "removed" ? "Removed" : "Changed"}:</strong>{" "}
                              {s.change === "removed" ? <del>{s.title}</del> : <a href={s.url} rel="noopener noreferrer">{s.title}</a>} ({s.outlet})
                              {s.details.length > 0 ? <> — {s.details.join("; ")}</> : null}
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  ) : null}
                </dl>
              )
            ) : null}
            {v.kind === "original" ? <p className="muted">Rated {v.content.verdict.ratingLabel}.</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

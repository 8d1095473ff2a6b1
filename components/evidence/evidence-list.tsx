import Link from "next/link";
import type { EvidenceSummary } from "@/lib/data/evidence";
import { SOURCE_TYPE_LABEL } from "@/lib/validations/evidence";
import { formatCitationChain, formatFigure, formatWhen } from "./format";
import { RemoveEvidenceButton } from "./remove-evidence-button";
import { StanceBadge } from "./stance-badge";
import { ExcerptWithTranslation } from "./excerpt-with-translation";
import { SnapshotFacts } from "./snapshot-facts";
import { KeepCopyButton } from "@/components/sources/keep-copy-button";
import { EditEvidence } from "./edit-evidence-form";
import { editValuesOf } from "./edit-values";

/**
 * What the edit forms need; null when the claim takes no edits (retracted). They use the attach
 * form's datalist of counted things (`ev-counted-options`), rendered on the same page.
 */
export type EvidenceEditing = { claimId: string; vocabularyHref: string; vocabularyEmpty: boolean } | null;

/** How many evidence items the claim page lists before "Show all". */
export const EVIDENCE_PAGE_SIZE = 25;

/**
 * Each source with its stance, exact excerpt, who speaks in it, and whom it cites: the first
 * EVIDENCE_PAGE_SIZE unless `showAll` (`?evidence=all`, a plain link, so it works without
 * JavaScript). Only the list is shortened: counts, origins and conflicts use every item.
 */
export function EvidenceList({ summary, slug, showAll = false, editing = null }: { summary: EvidenceSummary; slug: string; showAll?: boolean; editing?: EvidenceEditing }) {
  const total = summary.items.length;
  if (total === 0) {
    return <p className="empty">No sources yet. Attach the first one below: paste its URL and the exact excerpt.</p>;
  }
  const paged = total > EVIDENCE_PAGE_SIZE;
  const items = paged && !showAll ? summary.items.slice(0, EVIDENCE_PAGE_SIZE) : summary.items;
  return (
    <>
      {paged ? (
        <p className="hint" id="evidence-count">
          {showAll ? `All ${total} sources.` : `The first ${EVIDENCE_PAGE_SIZE} of ${total} sources, oldest first.`}
        </p>
      ) : null}
      <ol className="stack" style={{ listStyle: "none", padding: 0 }} aria-describedby={paged ? "evidence-count" : undefined}>
        {items.map((evidence) => (
          <li key={evidence.id} className="panel">
            <article aria-labelledby={`evidence-${evidence.id}`}>
              <div className="row" style={{ justifyContent: "space-between" }}>
                <h3 id={`evidence-${evidence.id}`} style={{ margin: 0 }}>
                  <a href={evidence.source.url} target="_blank" rel="noopener noreferrer nofollow">
                    {evidence.source.outlet}
                  </a>{" "}
                  <StanceBadge stance={evidence.stance} />
                </h3>
                <div className="row">
                  <KeepCopyButton evidenceId={evidence.id} outlet={evidence.source.outlet} />
                  <RemoveEvidenceButton evidenceId={evidence.id} outlet={evidence.source.outlet} />
                </div>
              </div>
              <p className="muted" style={{ margin: "0.25rem 0" }}>
                {SOURCE_TYPE_LABEL[evidence.source.type]} · {evidence.source.language}
                {evidence.source.publishedAt ? ` · published ${formatWhen(evidence.source.publishedAt)}` : ""}
                {evidence.source.title ? ` · “${evidence.source.title}”` : ""}
              </p>
              <ExcerptWithTranslation excerpt={evidence.excerpt} language={evidence.excerptLanguage} translation={evidence.translation} />
              <dl className="evidence-facts">
                {evidence.attribution ? (
                  <>
                    <dt>Who speaks</dt>
                    <dd>{evidence.attribution}</dd>
                  </>
                ) : null}
                {evidence.citationChain.length > 1 ? (
                  <>
                    <dt>Citation chain</dt>
                    <dd>{formatCitationChain(evidence.citationChain)}</dd>
                  </>
                ) : null}
                {evidence.location ? (
                  <>
                    <dt>Where in the source</dt>
                    <dd>{evidence.location}</dd>
                  </>
                ) : null}
                {evidence.figure ? (
                  <>
                    <dt>Reported figure</dt>
                    <dd>
                      {formatFigure(evidence.figure)}
                      {evidence.figure.asOf ? `, as of ${formatWhen(evidence.figure.asOf)}` : ""}
                    </dd>
                  </>
                ) : null}
                {evidence.source.reliabilityNote ? (
                  <>
                    <dt>Reliability</dt>
                    <dd>{evidence.source.reliabilityNote}</dd>
                  </>
                ) : null}
                {evidence.source.archiveUrl || evidence.source.hasSnapshot ? (
                  <>
                    <dt>Preserved copy</dt>
                    <dd>
                      {evidence.source.archiveUrl ? (
                        <a href={evidence.source.archiveUrl} target="_blank" rel="noopener noreferrer nofollow">
                          Archived copy
                        </a>
                      ) : null}
                      {evidence.source.archiveUrl && evidence.source.hasSnapshot ? " · " : ""}
                      {evidence.source.hasSnapshot ? "pasted text kept" : ""}
                    </dd>
                  </>
                ) : null}
                <SnapshotFacts check={evidence.snapshotCheck} />
                {evidence.note ? (
                  <>
                    <dt>Note</dt>
                    <dd>{evidence.note}</dd>
                  </>
                ) : null}
              </dl>
              <p className="hint">
                Added {formatWhen(evidence.createdAt)}
                {evidence.createdBy ? ` by ${evidence.createdBy}` : ""}
                {evidence.revision > 1 ? ` · edited ${evidence.revision - 1} time${evidence.revision === 2 ? "" : "s"}` : ""}
              </p>
              {editing ? (
                <EditEvidence
                  evidence={{ id: evidence.id, revision: evidence.revision, outlet: evidence.source.outlet, url: evidence.source.url, values: editValuesOf(evidence), cites: evidence.cites }}
                  claimId={editing.claimId}
                  vocabularyHref={editing.vocabularyHref}
                  sharedList={{ id: "ev-counted-options", empty: editing.vocabularyEmpty }}
                />
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {paged ? (
        <p>
          {showAll ? (
            <Link href={`/desk/claims/${slug}#evidence-heading`}>
              Show the first {EVIDENCE_PAGE_SIZE} only
            </Link>
          ) : (
            <Link href={`/desk/claims/${slug}?evidence=all#evidence-heading`}>
              Show all {total} sources
            </Link>
          )}
        </p>
      ) : null}
    </>
  );
}

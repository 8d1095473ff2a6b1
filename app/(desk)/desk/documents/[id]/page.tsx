import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getDocumentWorkbench } from "@/lib/data/documents";
import { listClaimantChoices } from "@/lib/data/claimants";
import { getDb } from "@/lib/db";
import { CLAIM_STATUS_LABEL } from "@/lib/domain/workflow";
import { CLAIM_KIND_LABEL } from "@/lib/validations/document";
import { CandidatePicker } from "@/components/documents/candidate-picker";
import { formatDay } from "@/components/documents/format";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Find claims in an article" };

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("desk.read");
  const { id } = await params;
  const [document, claimants] = await Promise.all([getDocumentWorkbench(id), getDb().then(listClaimantChoices)]);
  if (!document) notFound();
  const proposed = document.sentences.reduce((sum, s) => sum + s.candidates.length, 0);

  return (
    <>
      <p className="muted">
        <Link href="/desk/documents">Imported articles</Link>
      </p>
      <h1>{document.title}</h1>
      <p className="row muted">
        <span>{document.outlet}</span>
        <span>Published {formatDay(document.publishedAt)}</span>
        {document.url ? (
          <a href={document.url} rel="noopener noreferrer nofollow" target="_blank">
            Original article
          </a>
        ) : null}
        {document.story ? <span className="badge badge-neutral">Story: {document.story.title}</span> : <span className="badge badge-warn">No story</span>}
        {document.createdByName ? <span>Imported by {document.createdByName}</span> : null}
      </p>

      <section aria-labelledby="claims-heading" className="panel">
        <h2 id="claims-heading" style={{ marginTop: 0 }}>
          Claims from this article ({document.claims.length})
        </h2>
        {document.claims.length === 0 ? (
          <p className="hint">None yet. Tick sentences below and create claims from them.</p>
        ) : (
          <TableScroll label="Table of the claims from this article">
            <table className="stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Claimant</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {document.claims.map((claim) => (
                  <tr key={claim.slug}>
                    <td>
                      <Link href={`/desk/claims/${claim.slug}`}>{claim.text}</Link>
                    </td>
                    <td data-label="Claimant">{claim.claimant}</td>
                    <td data-label="Kind">{CLAIM_KIND_LABEL[claim.kind]}</td>
                    <td data-label="Status">
                      <span className="badge badge-neutral">{CLAIM_STATUS_LABEL[claim.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <p className="muted">
        {document.sentences.length} sentences, {proposed} claims proposed as check-worthy because they hold figures, quotes,
        attributed statements or reported events (a sentence holding two claims proposes two). Tick the ones to check, adjust
        the claim, claimant and kind, then create them together.
      </p>
      <CandidatePicker documentId={document.id} rows={document.sentences} hasUrl={document.url !== null} claimants={claimants} />
    </>
  );
}

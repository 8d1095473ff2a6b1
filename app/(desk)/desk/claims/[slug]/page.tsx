import type { Metadata } from "next";
import Link from "next/link";
import { CLAIM_SUMMARY_MAX, claimSummary } from "@/lib/claim-review/summary";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getClaimBySlug, getDeskUsers } from "@/lib/data/claims";
import { getPublicRecord } from "@/lib/data/publications";
import { hasVerdictInReview } from "@/lib/data/verdicts";
import { CLAIM_KIND_LABEL } from "@/lib/validations/claim";
import { AssignControl } from "@/components/claims/assign-control";
import { ClaimAppearance } from "@/components/claims/claim-appearance";
import { PublicRecordPanel } from "@/components/claims/public-record";
import { ConflictBadge, StatusBadge } from "@/components/claims/status-badge";
import { StatusControl } from "@/components/claims/status-control";
import { ConflictingAccounts } from "@/components/evidence/conflicting-accounts";
import { vocabularyHref } from "@/components/vocabulary/href";
import { EvidenceForm } from "@/components/evidence/evidence-form";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { SourceAlerts } from "@/components/sources/source-alerts";
import { listClaimSourceAlerts } from "@/lib/data/source-snapshots";
import { formatWhen } from "@/components/evidence/format";
import { VerdictPanel } from "@/components/verdicts/verdict-panel";
import { ExternalReviews } from "@/components/imports/external-reviews";
import { ClaimReaderRequests } from "@/components/readers/claim-reader-requests";
import { ClaimComments } from "@/components/comments/claim-comments";
import { getMentionHandles } from "@/lib/data/comments";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata renders beside the layout and the page, so it authorises itself before it reads the
// claim: an anonymous caller must learn nothing, not even whether the slug exists.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageActor();
  const claim = await getClaimBySlug((await params).slug);
  return { title: claim ? claim.text.slice(0, 60) : "Claim not found" };
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const [claim, deskUsers, handles] = await Promise.all([getClaimBySlug(slug), getDeskUsers(), getMentionHandles(actor.id)]);
  if (!claim) notFound();
  const [record, inReview, alerts] = await Promise.all([getPublicRecord(claim.id, null), hasVerdictInReview(claim.id), listClaimSourceAlerts(claim.id)]);
  const retracted = claim.status === "RETRACTED";
  const { evidence } = claim;
  const origins = `${evidence.sourceCount} source${evidence.sourceCount === 1 ? "" : "s"}, ${evidence.independentOrigins} independent origin${evidence.independentOrigins === 1 ? "" : "s"}`;

  return (
    <article aria-labelledby="claim-heading">
      <p>
        <Link href="/desk/claims">← All claims</Link>
      </p>
      {query.saved ? (
        <p className="alert alert-ok" role="status">
          Changes saved.
        </p>
      ) : null}
      <div className="row">
        <StatusBadge status={claim.status} />
        <span className="badge badge-neutral">{CLAIM_KIND_LABEL[claim.kind]}</span>
        {claim.hasConflict ? <ConflictBadge /> : null}
      </div>
      <h1 id="claim-heading">{claim.text}</h1>
      {claimSummary(claim.text) !== claim.text.replace(/\s+/g, " ").trim() ? (
        <p className="alert alert-warn" role="note">
          Longer than the {CLAIM_SUMMARY_MAX} characters Google asks for in fact-check markup: the public ClaimReview will read “{claimSummary(claim.text)}”.
          Shorten the claim text if that summary misses the point.
        </p>
      ) : null}
      {retracted ? null : (
        <p className="row">
          <Link className="button secondary" href={`/desk/claims/${claim.slug}/edit`}>
            Edit claim
          </Link>
        </p>
      )}

      <div className="grid-2">
        <section className="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">About this claim</h2>
          <dl className="facts">
            <dt>Claimant</dt>
            <dd>{claim.claimant}</dd>
            <dt>When</dt>
            <dd>{formatWhen(claim.claimedAt)}</dd>
            <dt>Kind</dt>
            <dd>{CLAIM_KIND_LABEL[claim.kind]}</dd>
            <dt>Story</dt>
            <dd>{claim.story?.title ?? <span className="muted">None</span>}</dd>
            <dt>Added</dt>
            <dd>
              {formatWhen(claim.createdAt)}
              {claim.createdBy ? ` by ${claim.createdBy.name}` : ""}
            </dd>
            <dt id="assignee-label">Assigned to</dt>
            <dd aria-labelledby="assignee-label">
              <AssignControl claimId={claim.id} assigneeId={claim.assignee?.id ?? null} deskUsers={deskUsers} actorId={actor.id} />
            </dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <StatusControl claimId={claim.id} status={claim.status} verdictInReview={inReview} />
          <h3>Public record</h3>
          <PublicRecordPanel record={record} slug={claim.slug} />
        </section>
      </div>
      <ClaimReaderRequests claimId={claim.id} />

      <ClaimAppearance appearance={claim.appearance} />

      <section className="panel" aria-labelledby="evidence-heading">
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 id="evidence-heading">Sources and evidence</h2>
          <span className="badge badge-neutral">{origins}</span>
        </div>
        <EvidenceList
          summary={evidence}
          slug={claim.slug}
          showAll={query.evidence === "all"}
          editing={retracted ? null : { claimId: claim.id, vocabularyHref: vocabularyHref(claim.story?.slug ?? null), vocabularyEmpty: claim.vocabulary.length === 0 }}
        />
        {retracted ? null : (
          <details className="panel" open={evidence.items.length === 0} data-shortcut="attach">
            <summary>Attach a source</summary>
            <EvidenceForm claimId={claim.id} vocabulary={claim.vocabulary} vocabularyHref={vocabularyHref(claim.story?.slug ?? null)} />
          </details>
        )}
      </section>

      <SourceAlerts
        alerts={alerts.map((a) => ({ ...a, outlet: evidence.items.find((e) => e.source.id === a.sourceId)?.source.outlet ?? "A source" }))}
        canConfirm={can(actor.role, "verdict.publish")}
      />

      <ConflictingAccounts summary={evidence} hasConflict={claim.hasConflict} slug={claim.slug} showAll={query.evidence === "all"} />

      <VerdictPanel claimId={claim.id} actor={actor} />

      <ClaimComments claimId={claim.id} handles={handles} />

      <ExternalReviews claimId={claim.id} />
    </article>
  );
}

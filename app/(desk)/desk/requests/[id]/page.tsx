import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDeskUsers } from "@/lib/data/claims";
import { getReaderRequest } from "@/lib/data/reader-requests";
import { CLOSE_REASON_LABEL, READER_KIND_LABEL } from "@/lib/validations/reader-request";
import { noticeLabel, STATUS_LABEL } from "@/components/readers/request-labels";
import { AssignRequestForm, CloseRequestForm, LinkRequestForm } from "@/components/readers/triage-forms";

export const metadata: Metadata = { title: "Reader request" };

/** One reader request: what the reader wrote (as text), where from, and the triage actions. */
export default async function ReaderRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("request.triage");
  const request = await getReaderRequest((await params).id);
  if (!request) notFound();
  const deskUsers = await getDeskUsers();
  const open = request.status === "OPEN";
  return (
    <>
      <p>
        <Link href="/desk/requests">← Reader requests</Link>
      </p>
      <h1>
        {READER_KIND_LABEL[request.kind]} {request.reference}
      </h1>
      <dl className="panel request-facts">
        <dt>Status</dt>
        <dd>
          {STATUS_LABEL[request.status]}
          {request.closeReason ? ` — ${CLOSE_REASON_LABEL[request.closeReason] ?? request.closeReason}` : ""}
          {request.publication && request.claim ? (
            <>
              {" "}
              (<Link href={`/claims/${request.claim.slug}#versions-heading`}>published version {request.publication.version}</Link>)
            </>
          ) : null}
          {request.closeNote ? <div style={{ whiteSpace: "pre-wrap" }}>{request.closeNote}</div> : null}
        </dd>
        <dt>Received</dt>
        <dd>
          {request.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC{request.submissions > 1 ? `, sent ${request.submissions} times` : ""}
        </dd>
        <dt>What the reader wrote</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{request.text}</dd>
        <dt>Link or where they saw it</dt>
        <dd style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{request.seenAt ?? "—"}</dd>
        <dt>Sent from</dt>
        <dd>{request.pagePath ? <Link href={request.pagePath}>{request.pagePath}</Link> : "—"}</dd>
        <dt>Claim</dt>
        <dd>{request.claim ? <Link href={`/desk/claims/${request.claim.slug}`}>{request.claim.text}</Link> : "Not tied to a claim"}</dd>
        <dt>Reply</dt>
        <dd>{noticeLabel(request.notice, request.hasEmail)}</dd>
      </dl>
      {open ? (
        <>
          <section aria-labelledby="assign-heading">
            <h2 id="assign-heading">Assignment</h2>
            <AssignRequestForm requestId={request.id} assigneeId={request.assigneeId} deskUsers={deskUsers} actorId={actor.id} />
          </section>
          {request.kind === "SUGGESTION" && can(actor.role, "claim.create") ? (
            <section aria-labelledby="convert-heading">
              <h2 id="convert-heading">Turn into a claim</h2>
              <p>
                <Link className="button" href={`/desk/claims/new?request=${request.id}`}>
                  Turn into a claim
                </Link>{" "}
                <span className="muted">The new-claim form opens with the reader&apos;s text; similar claims are shown before anything is saved.</span>
              </p>
            </section>
          ) : null}
          <section aria-labelledby="link-heading">
            <h2 id="link-heading">Link to an existing claim</h2>
            <LinkRequestForm requestId={request.id} isSuggestion={request.kind === "SUGGESTION"} />
          </section>
          <section aria-labelledby="close-heading">
            <h2 id="close-heading">Close</h2>
            <CloseRequestForm requestId={request.id} />
          </section>
        </>
      ) : (
        <p className="muted">Assigned to {request.assignee?.name ?? "nobody"}. Closed {request.closedAt?.toISOString().slice(0, 16).replace("T", " ")} UTC.</p>
      )}
    </>
  );
}

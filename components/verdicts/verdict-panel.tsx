import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getPublicRecord, type PublicRecord } from "@/lib/data/publications";
import { getVerdictPanel, type EvidenceOption, type VerdictView } from "@/lib/data/verdicts";
import { Disclosure } from "./disclosure";
import { PublicationPreview } from "./publication-preview";
import { PublishForm } from "./publish-form";
import { RetractForm } from "./retract-form";
import { ReviewForm } from "./review-form";
import { DateTime } from "./time-ago";
import { VerdictCard } from "./verdict-card";
import { VerdictCommand } from "./verdict-command";
import { VerdictForm, type EvidenceChoice, type VerdictFormValues } from "./verdict-form";
import { WithdrawForm } from "./withdraw-form";

const OPEN_STATES = new Set(["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"]);

/** A checklist label of at most `max` characters: outlet and the start of the excerpt. */
export function evidenceLabel(e: Pick<EvidenceOption, "outlet" | "excerpt">, max = 120): string {
  const label = `${e.outlet}: “${e.excerpt}”`;
  return label.length > max ? `${label.slice(0, max - 2)}…”` : label;
}

/**
 * The verdict form is a client component: everything handed to it is serialised into the page's
 * RSC payload, so it gets an id, a stance and a short label per item, not every full excerpt.
 */
const toChoices = (evidence: EvidenceOption[]): EvidenceChoice[] => evidence.map((e) => ({ id: e.id, stance: e.stance, label: evidenceLabel(e) }));

function formValues(v: VerdictView): VerdictFormValues {
  return {
    verdictId: v.id,
    revision: v.revision,
    rating: v.rating,
    reasoning: v.reasoning,
    evidenceIds: v.evidenceIds,
    asOf: v.asOf ? v.asOf.toISOString().slice(0, 16) : "",
    evidenceGap: v.evidenceGap ?? "",
    correctionNote: v.correctionNote ?? "",
    amendmentKind: v.amendmentKind === "UPDATE" ? "UPDATE" : "CORRECTION",
  };
}

/** Drafting, review, publishing and corrections for one claim, as far as the viewer's role allows. */
export async function VerdictPanel({ claimId, actor }: { claimId: string; actor: Actor }) {
  const data = await getVerdictPanel(claimId, actor.id);
  if (!data) return null;
  const { claim, evidence, verdicts, retraction } = data;
  const choices = toChoices(evidence);
  const open = verdicts.find((v) => OPEN_STATES.has(v.state));
  const published = verdicts.find((v) => v.state === "PUBLISHED");
  const superseded = verdicts.filter((v) => v.state === "SUPERSEDED");
  const retracted = claim.status === "RETRACTED";
  const canDraft = can(actor.role, "verdict.draft") && !retracted;
  const inReview = open && (open.state === "SUBMITTED" || open.state === "APPROVED") ? open : null;
  const record = await getPublicRecord(claim.id, inReview?.id ?? null);
  const isPublic = record.latest !== null && record.latest.kind !== "retraction";

  return (
    <section aria-labelledby="verdict-heading" className="panel stack">
      <h2 id="verdict-heading">Verdict</h2>
      {retracted ? (
        <div className="alert alert-warn">
          <strong>This claim was retracted.</strong>{" "}
          {retraction ? (
            <>
              {retraction.by}, <DateTime date={retraction.at} />: “{retraction.note}”
            </>
          ) : null}
        </div>
      ) : null}

      {published ? (
        <section aria-labelledby="verdict-published-heading" className="stack">
          <h3 id="verdict-published-heading">Published verdict</h3>
          <VerdictCard verdict={published} evidence={evidence} headingLevel={4} />
          {canDraft && !open ? (
            <Disclosure label="Propose an update or correction">
              <p className="hint">
                What readers see stays as published. Your changes to the claim, its evidence and this verdict go public only as a
                new version: an update (the rating stands) or a correction, reviewed by an editor who did not make them, then
                published with your public note. Every version stays visible.
              </p>
              <VerdictForm
                mode="correct"
                claimId={claim.id}
                evidence={choices}
                initial={{ ...formValues(published), revision: undefined, correctionNote: "", amendmentKind: "UPDATE" }}
                withCorrectionNote
              />
            </Disclosure>
          ) : null}
        </section>
      ) : null}

      {open ? (
        <section aria-labelledby="verdict-open-heading" className="stack">
          <h3 id="verdict-open-heading">{open.supersedesId ? "Update or correction in progress" : "Verdict in progress"}</h3>
          <VerdictCard verdict={open} evidence={evidence} headingLevel={4} />
          {retracted ? null : <OpenVerdictActions verdict={open} actor={actor} claimId={claim.id} slug={claim.slug} evidence={choices} record={record} />}
        </section>
      ) : null}

      {!open && !published && !retracted ? (
        canDraft ? (
          <section aria-labelledby="verdict-draft-heading" className="stack">
            <h3 id="verdict-draft-heading">Draft a verdict</h3>
            <VerdictForm mode="draft" claimId={claim.id} evidence={choices} />
          </section>
        ) : (
          <p className="empty">No verdict drafted yet.</p>
        )
      ) : null}

      {superseded.length > 0 ? (
        <section aria-labelledby="verdict-history-heading" className="stack">
          <h3 id="verdict-history-heading">Earlier published versions</h3>
          <p className="hint">Superseded by a correction; kept on record as first published.</p>
          {superseded.map((v) => (
            <VerdictCard key={v.id} verdict={v} evidence={evidence} headingLevel={4} />
          ))}
        </section>
      ) : null}

      {can(actor.role, "verdict.publish") && isPublic ? (
        <section aria-labelledby="retract-heading" className="danger-zone stack">
          <h3 id="retract-heading">Retract this published check</h3>
          <p className="hint">
            Not a routine step. The claim&apos;s page keeps answering with a retraction notice, your public note and every earlier
            version; it is listed on /corrections and in the feeds, and the claim can no longer be edited.
          </p>
          <Disclosure label="Retract…">
            <RetractForm claimId={claim.id} />
          </Disclosure>
        </section>
      ) : null}
    </section>
  );
}

function OpenVerdictActions(props: { verdict: VerdictView; actor: Actor; claimId: string; slug: string; evidence: EvidenceChoice[]; record: PublicRecord }) {
  const { verdict, actor, claimId, slug, evidence, record } = props;
  const canEdit = can(actor.role, "verdict.draft");
  const warning =
    verdict.state === "APPROVED"
      ? `Saving changes sends this verdict back to review: the approval covers revision ${verdict.revision} only.`
      : verdict.state === "SUBMITTED"
        ? "The verdict stays in the review queue; reviewers will see the new revision."
        : undefined;
  return (
    <div className="stack">
      {verdict.state === "REJECTED" ? (
        <p className="alert alert-error">Rejected in review: see the comment below the verdict, revise it and submit it again.</p>
      ) : null}
      {(verdict.state === "DRAFT" || verdict.state === "REJECTED") && can(actor.role, "verdict.submit") ? (
        <VerdictCommand command="submit" verdictId={verdict.id} revision={verdict.revision} withoutEvidence={verdict.evidenceIds.length === 0} />
      ) : null}
      {verdict.state === "SUBMITTED" ? (
        can(actor.role, "verdict.review") ? (
          <>
            <PublicationPreview record={record} heading="What you approve: readers will see exactly this" />
            <ReviewForm verdictId={verdict.id} revision={verdict.revision} viewerEdited={verdict.viewerEdited} />
          </>
        ) : (
          <p className="muted">Waiting for an editor&apos;s review.</p>
        )
      ) : null}
      {verdict.state === "APPROVED" ? (
        can(actor.role, "verdict.publish") ? (
          <>
            <PublicationPreview record={record} heading="Preview of the public page" />
            <PublishForm verdictId={verdict.id} slug={slug} isAmendment={verdict.supersedesId !== null} />
          </>
        ) : (
          <p className="muted">Approved: an editor will publish it.</p>
        )
      ) : null}
      {(verdict.state === "SUBMITTED" || verdict.state === "APPROVED") && can(actor.role, "claim.transition") ? (
        <Disclosure label="Withdraw from review">
          <WithdrawForm verdictId={verdict.id} />
        </Disclosure>
      ) : null}
      {canEdit ? (
        <Disclosure label="Edit verdict">
          <VerdictForm
            mode="edit"
            claimId={claimId}
            evidence={evidence}
            initial={formValues(verdict)}
            withCorrectionNote={verdict.supersedesId !== null}
            warning={warning}
          />
        </Disclosure>
      ) : null}
    </div>
  );
}

"use client";

import Link from "next/link";
import { updateClaimAction, type UpdateClaimState } from "@/lib/actions/claims";
import type { ClaimFormOptions, EditableClaim } from "@/lib/data/claims";
import { CLAIM_KIND_LABEL } from "@/lib/validations/claim";
import { ClaimFields } from "./claim-fields";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

const toInputDate = (iso: string | null) => (iso ? iso.slice(0, 16) : "");

/** Edits a claim. A save based on an old version is refused and the newer values are shown. */
export function EditClaimForm({ claim, options }: { claim: EditableClaim; options: ClaimFormOptions }) {
  const { state, pending, action, onSubmit } = useFormAction<UpdateClaimState>(updateClaimAction, null);
  const failure = state && !state.ok ? state : null;
  const newer = failure?.code === "CONFLICT" ? (failure.current as EditableClaim | null) : null;
  // After a conflict the person has seen the newer values: saving again replaces them deliberately.
  const version = newer?.version ?? claim.version;

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="stack">
      <input type="hidden" name="id" value={claim.id} />
      <input type="hidden" name="version" value={version} />
      <div aria-live="polite">
        {newer ? (
          <section className="alert alert-warn" aria-labelledby="conflict-heading">
            <h2 id="conflict-heading">Someone else saved this claim meanwhile</h2>
            <p>Their version is below. Your changes are still in the form: compare, adjust, and save again to replace theirs.</p>
            <dl className="facts">
              <dt>Claim</dt>
              <dd>{newer.text}</dd>
              <dt>Claimant</dt>
              <dd>{newer.claimant}</dd>
              <dt>Kind</dt>
              <dd>{CLAIM_KIND_LABEL[newer.kind]}</dd>
              <dt>When claimed</dt>
              <dd>{newer.claimedAt ? new Date(newer.claimedAt).toUTCString() : "not set"}</dd>
              <dt>Sentence</dt>
              <dd>{newer.sentence ?? "none"}</dd>
            </dl>
          </section>
        ) : failure ? (
          <FormMessage tone="error">{failure.message}</FormMessage>
        ) : null}
      </div>
      <ClaimFields
        values={{
          text: claim.text,
          claimant: claim.claimant,
          claimantType: claim.claimantType ?? "",
          summary: claim.summary ?? "",
          claimedAt: toInputDate(claim.claimedAt),
          kind: claim.kind,
          storyId: claim.storyId ?? "",
          documentId: claim.documentId ?? "",
          sentence: claim.sentence ?? "",
        }}
        errors={failure?.fieldErrors}
        options={options}
        showSummary
      />
      <div className="row">
        <button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : newer ? "Save my version" : "Save changes"}
        </button>
        <Link className="button secondary" href={`/desk/claims/${claim.slug}`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

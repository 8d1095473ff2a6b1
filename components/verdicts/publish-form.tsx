"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { publishVerdictAction } from "@/lib/actions/verdicts";
import { VerdictFormMessage } from "./form-message";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Publishing asks for a confirmation of the preview shown above it, then links to the public page.
 * Safe to repeat: the server publishes once.
 */
export function PublishForm({ verdictId, slug, isAmendment }: { verdictId: string; slug: string; isAmendment: boolean }) {
  const { state, pending, action, onSubmit } = useFormAction(publishVerdictAction, null);
  const [confirmed, setConfirmed] = useState(false);
  const id = useId();
  if (state?.ok) {
    return (
      <div className="stack">
        <VerdictFormMessage state={state} id={`${id}-message`} />
        <p>
          <Link href={`/claims/${slug}`}>View the public page</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} onSubmit={onSubmit} className="stack">
      <VerdictFormMessage state={state} id={`${id}-message`} />
      <input type="hidden" name="verdictId" value={verdictId} />
      <label style={{ fontWeight: "normal" }}>
        <input type="checkbox" required checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} style={{ width: "auto", marginRight: "0.5rem" }} />
        I checked the preview above: publish it to readers{isAmendment ? " as a new version with its public note" : ""}.
      </label>
      <button type="submit" disabled={pending || !confirmed} aria-busy={pending}>
        {pending ? "Publishing…" : "Publish to the public ledger"}
      </button>
    </form>
  );
}

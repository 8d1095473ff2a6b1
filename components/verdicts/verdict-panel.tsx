import type { Actor } from "@/lib/auth/actor";

// Replaced by the verdicts work (issue 4): drafting, review and corrections for one claim.
export async function VerdictPanel({ claimId, actor }: { claimId: string; actor: Actor }) {
  void claimId;
  void actor;
  return (
    <section aria-labelledby="verdict-heading" className="panel">
      <h2 id="verdict-heading">Verdict</h2>
      <p className="empty">No verdict drafted yet.</p>
    </section>
  );
}

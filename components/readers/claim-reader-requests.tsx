import Link from "next/link";
import { listOpenRequestsForClaim } from "@/lib/data/reader-requests";

/**
 * Open readers' correction requests tied to a claim, on its desk page, so its editors see them
 * before they publish: publishing an update or correction closes them with a link to it.
 */
export async function ClaimReaderRequests({ claimId }: { claimId: string }) {
  const requests = await listOpenRequestsForClaim(claimId);
  if (requests.length === 0) return null;
  return (
    <section className="panel alert-warn" aria-labelledby="claim-requests-heading">
      <h2 id="claim-requests-heading">Readers ask for a correction ({requests.length})</h2>
      <p className="hint">Publishing an update or correction of this claim answers them (and tells readers who left an e-mail, when mail is configured).</p>
      <ul>
        {requests.map((r) => (
          <li key={r.id}>
            <Link href={`/desk/requests/${r.id}`}>{r.reference}</Link>
            {r.submissions > 1 ? ` (sent ${r.submissions} times)` : ""}: <span style={{ whiteSpace: "pre-wrap" }}>{r.text.length > 200 ? `${r.text.slice(0, 197)}…` : r.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

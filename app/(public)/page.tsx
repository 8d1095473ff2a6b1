import Link from "next/link";
import { connection } from "next/server";
import { listPublishedClaims, listStories } from "@/lib/data/ledger";
import { RATING_LABEL } from "@/lib/ratings";

export default async function LedgerHome() {
  await connection();
  const [claims, stories] = await Promise.all([listPublishedClaims(), listStories()]);
  return (
    <>
      <h1>Claim ledger</h1>
      <p className="muted">Checked claims from the news, with every source, conflicting account and correction.</p>
      <h2>Stories</h2>
      {stories.length === 0 ? (
        <p className="empty">No stories yet.</p>
      ) : (
        <ul>
          {stories.map((story) => (
            <li key={story.slug}>
              <strong>{story.title}</strong> <span className="muted">({story._count.claims} published checks)</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Latest verdicts</h2>
      {claims.length === 0 ? (
        <p className="empty">No verdicts have been published yet. Checks appear here as soon as an editor publishes them.</p>
      ) : (
        <ul className="stack">
          {claims.map((claim) => (
            <li key={claim.slug}>
              <Link href={`/claims/${claim.slug}`}>{claim.text}</Link> <span className="muted">— {claim.claimant}</span>{" "}
              {claim.verdicts[0] ? <span className="badge badge-neutral">{RATING_LABEL[claim.verdicts[0].rating]}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

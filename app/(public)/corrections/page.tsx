import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate } from "@/components/ledger/format";
import { RatingBadge } from "@/components/ledger/rating-badge";
import { cachedCorrections } from "@/lib/public/cached";

export const metadata: Metadata = {
  title: "Corrections · claimdesk",
  alternates: { types: { "application/atom+xml": [{ url: "/feeds/corrections.atom", title: "Corrections" }] } },
};

export default async function CorrectionsPage() {
  await connection();
  const corrections = await cachedCorrections({ take: 500 });
  return (
    <>
      <h1>Corrections</h1>
      <p className="muted">
        Every verdict we changed after publishing it, newest first. Also available as a <a href="/feeds/corrections.atom">feed</a>.
      </p>
      {corrections.length === 0 ? (
        <p className="empty">No verdict has been corrected so far. When one is, it will be listed here with the reason.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Corrections: the claim, the old and new rating, the reason and the date</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Rating change</th>
                <th scope="col">Why</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {corrections.map((c) => (
                <tr key={`${c.claim.slug}-${c.correctedAt}`}>
                  <th scope="row">
                    <Link href={`/claims/${c.claim.slug}`}>{c.claim.text}</Link>
                    <div className="muted">{c.claim.claimant}</div>
                  </th>
                  <td>
                    <RatingBadge rating={c.oldRating} /> → <RatingBadge rating={c.newRating} />
                  </td>
                  <td>{c.note}</td>
                  <td>
                    <time dateTime={c.correctedAt}>{formatDate(c.correctedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

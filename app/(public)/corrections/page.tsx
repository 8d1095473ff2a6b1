import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate } from "@/components/ledger/format";
import { RatingBadge } from "@/components/ledger/rating-badge";
import { cachedAmendments } from "@/lib/public/cached";
import type { PublicAmendment } from "@/lib/public/types";
import { ReaderRequestCounts, ReaderRequestMark } from "@/components/readers/reader-request-counts";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = {
  title: "Corrections",
  alternates: { types: { "application/atom+xml": [{ url: "/feeds/corrections.atom", title: "Corrections" }] } },
};

function AmendmentTable({ caption, rows, showRating }: { caption: string; rows: PublicAmendment[]; showRating: boolean }) {
  return (
    <TableScroll label={caption}>
      <table className="stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {showRating ? <th scope="col">Rating</th> : null}
            <th scope="col">Why</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={`${a.claim.slug}-${a.version}`}>
              <th scope="row">
                <Link href={`/claims/${a.claim.slug}`}>{a.claim.text}</Link>
                <div className="muted">{a.claim.claimant}</div>
              </th>
              {showRating ? (
                <td data-label="Rating">
                  {a.oldRating === a.newRating ? (
                    <RatingBadge rating={a.newRating} />
                  ) : (
                    <>
                      <RatingBadge rating={a.oldRating} /> → <RatingBadge rating={a.newRating} />
                    </>
                  )}
                </td>
              ) : null}
              <td data-label="Why" style={{ whiteSpace: "pre-wrap" }}>
                {a.note}
                <ReaderRequestMark show={a.fromReaderRequest} />
              </td>
              <td data-label="Date">
                <time dateTime={a.publishedAt}>{formatDate(a.publishedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default async function CorrectionsPage() {
  await connection();
  const amendments = await cachedAmendments({ take: 500 });
  const corrections = amendments.filter((a) => a.kind === "correction");
  const retractions = amendments.filter((a) => a.kind === "retraction");
  const updates = amendments.filter((a) => a.kind === "update");
  return (
    <>
      <h1>Corrections</h1>
      <p className="muted">
        Every change to a published check, newest first, each with the reason. Also available as a <a href="/feeds/corrections.atom">feed</a>.
      </p>

      <section aria-labelledby="corrections-list-heading">
        <h2 id="corrections-list-heading">Corrections</h2>
        <p className="hint">The rating or the substance of a published check changed.</p>
        {corrections.length === 0 ? (
          <p className="empty">No published check has been corrected so far. When one is, it will be listed here with the reason.</p>
        ) : (
          <AmendmentTable caption="Corrections: the claim, the old and new rating, the reason and the date" rows={corrections} showRating />
        )}
      </section>

      <section aria-labelledby="retractions-heading">
        <h2 id="retractions-heading">Retractions</h2>
        <p className="hint">Checks we withdrew. Their pages stay online with the retraction notice.</p>
        {retractions.length === 0 ? (
          <p className="empty">No check has been retracted.</p>
        ) : (
          <AmendmentTable caption="Retractions: the claim, the reason and the date" rows={retractions} showRating={false} />
        )}
      </section>

      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading">Updates</h2>
        <p className="hint">New or changed evidence; the rating stands.</p>
        {updates.length === 0 ? (
          <p className="empty">No published check has been updated.</p>
        ) : (
          <AmendmentTable caption="Updates: the claim, the rating that stands, what changed and the date" rows={updates} showRating />
        )}
      </section>
      <ReaderRequestCounts />
    </>
  );
}

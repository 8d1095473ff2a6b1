import Link from "next/link";
import type { LedgerItem } from "@/lib/public/types";
import { RatingBadge } from "./rating-badge";
import { formatDate } from "./format";

export function ClaimList({ items, showStory = true }: { items: LedgerItem[]; showStory?: boolean }) {
  return (
    <ol className="stack ledger-list">
      {items.map((item) => (
        <li key={item.slug} className="panel">
          <article aria-labelledby={`claim-${item.slug}`}>
            <div className="row">
              <RatingBadge rating={item.verdict.rating} />
              {item.verdict.corrected ? <span className="badge badge-neutral">Corrected</span> : null}
              {item.hasConflict ? <span className="badge badge-conflict">Conflicting accounts</span> : null}
            </div>
            <h3 id={`claim-${item.slug}`}>
              <Link href={`/claims/${item.slug}`}>{item.text}</Link>
            </h3>
            <p className="muted">
              {item.claimant}
              {showStory && item.story ? (
                <>
                  {" · "}
                  <Link href={`/stories/${item.story.slug}`}>{item.story.title}</Link>
                </>
              ) : null}
              {" · checked "}
              <time dateTime={item.verdict.publishedAt}>{formatDate(item.verdict.publishedAt)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

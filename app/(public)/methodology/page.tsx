import type { Metadata } from "next";
import { BEST_RATING, RATINGS, WORST_RATING } from "@/lib/ratings";
import { RatingBadge } from "@/components/ledger/rating-badge";
import type { Rating } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Methodology · claimdesk" };

export default function MethodologyPage() {
  const scale = (Object.entries(RATINGS) as Array<[Rating, (typeof RATINGS)[Rating]]>).sort(([, a], [, b]) => b.value - a.value);
  return (
    <>
      <h1>How we check claims</h1>
      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading">The rating scale</h2>
        <table>
          <caption>
            Each rating and the number published in our ClaimReview data ({WORST_RATING} = false, {BEST_RATING} = true)
          </caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {scale.map(([rating, { value, meaning }]) => (
              <tr key={rating}>
                <th scope="row">
                  <RatingBadge rating={rating} />
                </th>
                <td>{value}</td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">“Misleading” and “Unproven” are not points on the true/false line; they carry the values readers and aggregators use to compare them.</p>
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">How we weigh sources</h2>
        <ul className="stack">
          <li>
            <strong>Independent origins, not headlines.</strong> Ten outlets repeating one police statement are one origin. We follow each report&apos;s
            citation chain (“the NYT, citing the Almaty police”) to the source it comes from, and every claim page shows how many independent origins stand
            behind it.
          </li>
          <li>
            <strong>Citation chains are shown.</strong> Each source lists what it cites, so you can trace a figure back to whoever first published it.
          </li>
          <li>
            <strong>Conflicts are shown, not hidden.</strong> When one source supports a claim and another contradicts it, or when reported figures for the
            same thing cannot both be true (their ranges do not overlap), the claim page lists the conflicting accounts side by side with their dates.
          </li>
          <li>
            <strong>“As of” matters.</strong> Casualty counts and prices change; every verdict says what was known and when, and states the gap when the
            evidence cannot settle the question.
          </li>
          <li>
            <strong>Four eyes.</strong> Every verdict is written by one journalist and approved by a different editor before it is published.
          </li>
        </ul>
      </section>
      <section aria-labelledby="corrections">
        <h2 id="corrections">Corrections policy</h2>
        <p>
          When new evidence changes a verdict, we publish a correction instead of editing silently: the earlier verdict stays visible on the claim page with
          its date, next to the new rating and a note explaining what changed. Every correction is listed on the <a href="/corrections">corrections page</a>{" "}
          and in the <a href="/feeds/corrections.atom">corrections feed</a>.
        </p>
      </section>
    </>
  );
}

import Link from "next/link";
import { getExternalChecks } from "@/lib/data/external-reviews";
import { ExternalReviewFacts } from "./external-review-facts";
import { ExternalChecksTable } from "./external-checks-table";

/**
 * The claim page's section on other organisations' checks: the one this claim was imported from,
 * and imported checks of similar claims. Never our verdict: labelled as theirs throughout.
 */
export async function ExternalReviews({ claimId }: { claimId: string }) {
  const checks = await getExternalChecks(claimId);
  if (!checks) return null;
  const { own, similar } = checks;
  return (
    <section className="panel" aria-labelledby="external-reviews-heading">
      <h2 id="external-reviews-heading">Prior checks by other organisations</h2>
      <p className="hint">These are other fact-checkers’ published verdicts, imported for reference. They are not this newsroom’s verdict.</p>
      {own ? (
        <div className="alert alert-warn" role="note" aria-label={`Verdict by ${own.organisation}, not ours`}>
          <p>
            <strong>Imported from {own.organisation}.</strong> Their rating is shown below; this desk has not reached its own verdict until one is published here.
          </p>
          <ExternalReviewFacts review={own} />
        </div>
      ) : null}

      <h3 id="similar-checks-heading">Similar claims checked elsewhere</h3>
      {similar.length === 0 ? (
        <p className="empty">
          No imported check of a similar claim. <Link href="/desk/imports">Import checks</Link> from other fact-checkers to see them here.
        </p>
      ) : (
        <ExternalChecksTable
          checks={similar}
          labelledBy="similar-checks-heading"
          lastColumn={{
            heading: "Review",
            cell: (check) => (
              <a href={check.review.reviewUrl} rel="noopener noreferrer nofollow" target="_blank">
                Open<span className="visually-hidden"> {check.review.organisation}’s review (opens in a new tab)</span>
              </a>
            ),
          }}
        />
      )}
    </section>
  );
}

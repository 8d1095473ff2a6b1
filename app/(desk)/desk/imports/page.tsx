import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listStoryOptions } from "@/lib/data/documents";
import { listRecentImports } from "@/lib/data/external-reviews";
import { isNormalisedRating, NORMALISED_RATINGS, NORMALISED_RATING_LABEL } from "@/lib/claim-review/rating-scale";
import { ImportClaimReviewsForm } from "@/components/imports/import-form";
import { RecentImports } from "@/components/imports/recent-imports";

export const metadata: Metadata = { title: "Import checks" };

export default async function ImportChecksPage({ searchParams }: { searchParams: Promise<{ rating?: string | string[] }> }) {
  await requirePageActor("claim.create");
  const wanted = (await searchParams).rating;
  const rating = isNormalisedRating(wanted) ? wanted : undefined;
  const [stories, recent] = await Promise.all([listStoryOptions(), listRecentImports({ take: 20, rating })]);
  return (
    <>
      <h1>Import other fact-checkers’ checks</h1>
      <p className="muted">
        Bring in ClaimReview markup published by other organisations. Each review becomes a new claim on the desk carrying their verdict,
        clearly marked as theirs, so the desk sees prior checks of the same claim. Our own verdicts are never taken from an import.
      </p>
      <ImportClaimReviewsForm stories={stories} />
      <section aria-labelledby="recent-imports-heading">
        <h2 id="recent-imports-heading">Recently imported</h2>
        <form method="get" className="filters filters-one" aria-label="Filter imported checks">
          <div>
            <label htmlFor="rating-filter">Rating on our scale</label>
            <select id="rating-filter" name="rating" defaultValue={rating ?? ""}>
              <option value="">All ratings</option>
              {NORMALISED_RATINGS.map((r) => (
                <option key={r} value={r}>
                  {NORMALISED_RATING_LABEL[r]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Filter</button>
        </form>
        <RecentImports checks={recent} filtered={rating !== undefined} />
      </section>
    </>
  );
}

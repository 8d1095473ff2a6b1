import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listStoryOptions } from "@/lib/data/documents";
import { listRecentImports } from "@/lib/data/external-reviews";
import { ImportClaimReviewsForm } from "@/components/imports/import-form";
import { RecentImports } from "@/components/imports/recent-imports";

export const metadata: Metadata = { title: "Import checks" };

export default async function ImportChecksPage() {
  await requirePageActor("claim.create");
  const [stories, recent] = await Promise.all([listStoryOptions(), listRecentImports({ take: 20 })]);
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
        <RecentImports checks={recent} />
      </section>
    </>
  );
}

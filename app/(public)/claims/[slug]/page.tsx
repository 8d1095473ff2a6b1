import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ConflictsTable } from "@/components/ledger/conflicts-table";
import { CorrectionsHistory } from "@/components/ledger/corrections-history";
import { FigureChart } from "@/components/ledger/figure-chart";
import { formatDate, formatDateTime } from "@/components/ledger/format";
import { RatingBadge } from "@/components/ledger/rating-badge";
import { SourcesTable } from "@/components/ledger/sources-table";
import { getEnv } from "@/lib/env";
import { cachedPublishedClaim } from "@/lib/public/cached";
import { buildClaimReview, serializeJsonLd } from "@/lib/public/claim-review";
import { getNonce } from "@/lib/security/nonce";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await cachedPublishedClaim((await params).slug);
  if (!claim) return { title: "Claim not found · claimdesk" };
  return { title: `${claim.verdict.ratingLabel}: ${claim.text} · claimdesk`, description: claim.verdict.reasoning.slice(0, 200) };
}

export default async function PublicClaimPage({ params }: Props) {
  await connection();
  const claim = await cachedPublishedClaim((await params).slug);
  if (!claim) notFound();
  const { verdict, appearance } = claim;
  const jsonLd = serializeJsonLd(buildClaimReview(claim, getEnv().PUBLIC_BASE_URL));
  // A data block, never executed; the nonce keeps it within the policy all the same.
  const nonce = await getNonce();

  return (
    <article aria-labelledby="claim-heading">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd }} />
      {claim.story ? (
        <p className="muted">
          Story: <Link href={`/stories/${claim.story.slug}`}>{claim.story.title}</Link>
        </p>
      ) : null}
      <h1 id="claim-heading">“{claim.text}”</h1>
      <p>
        Claimed by <strong>{claim.claimant}</strong>
        {claim.claimedAt ? <> on <time dateTime={claim.claimedAt}>{formatDate(claim.claimedAt)}</time></> : null}
        {appearance.document ? (
          <>
            {" in "}
            {appearance.document.url ? <a href={appearance.document.url} rel="noopener noreferrer">{appearance.document.title}</a> : appearance.document.title} ({appearance.document.outlet}
            {appearance.document.publishedAt ? `, ${formatDate(appearance.document.publishedAt)}` : ""})
          </>
        ) : null}
      </p>
      {appearance.sentence ? (
        <figure>
          <blockquote>{appearance.sentence}</blockquote>
          <figcaption className="muted">The sentence the claim was taken from</figcaption>
        </figure>
      ) : null}

      <section aria-labelledby="verdict-heading" className="panel">
        <h2 id="verdict-heading">
          Our verdict: <RatingBadge rating={verdict.rating} />
        </h2>
        <p className="muted">
          Published <time dateTime={verdict.publishedAt}>{formatDateTime(verdict.publishedAt)}</time>
          {verdict.asOf ? <> · based on what was known as of <time dateTime={verdict.asOf}>{formatDate(verdict.asOf)}</time></> : null}
          {claim.corrections.length > 0 ? <> · <a href="#corrections-heading">corrected</a></> : null}
        </p>
        <p>{verdict.reasoning}</p>
        {verdict.evidenceGap ? (
          <>
            <h3>What we could not establish</h3>
            <p>{verdict.evidenceGap}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <SourcesTable sources={claim.sources} independentOrigins={claim.independentOrigins} />
      </section>

      <section aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">Conflicting accounts</h2>
        <ConflictsTable conflicts={claim.conflicts} sources={claim.sources} />
        <FigureChart sources={claim.sources} />
      </section>

      <section aria-labelledby="corrections-heading">
        <h2 id="corrections-heading">Corrections</h2>
        <CorrectionsHistory steps={claim.corrections} />
        <p className="hint">
          How we correct: see our <Link href="/methodology#corrections">corrections policy</Link>.
        </p>
      </section>
    </article>
  );
}

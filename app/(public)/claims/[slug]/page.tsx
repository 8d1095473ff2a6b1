import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ConflictsTable } from "@/components/ledger/conflicts-table";
import { ReportedFigures } from "@/components/ledger/reported-figures";
import { formatDate, formatDateTime } from "@/components/ledger/format";
import { RatingBadge } from "@/components/ledger/rating-badge";
import { SourcesTable } from "@/components/ledger/sources-table";
import { Byline, VersionHistory } from "@/components/ledger/version-history";
import { getEnv } from "@/lib/env";
import { cachedPublishedClaim } from "@/lib/public/cached";
import { buildClaimReview, serializeJsonLd } from "@/lib/public/claim-review";
import { getNonce } from "@/lib/security/nonce";
import { ReaderRequestsPanel } from "@/components/readers/reader-requests-panel";

const feedAlternate = (url: string) => ({ types: { "application/atom+xml": [{ url, title: "Changes to this check" }] } });

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await cachedPublishedClaim((await params).slug);
  if (!claim) return { title: "Claim not found" };
  if (claim.status === "retracted") return { title: `Retracted: ${claim.text}`, description: claim.retraction?.note.slice(0, 200) };
  return { title: `${claim.verdict.ratingLabel}: ${claim.text}`, description: claim.verdict.reasoning.slice(0, 200), alternates: feedAlternate(`/feeds/claims/${claim.slug}`) };
}

export default async function PublicClaimPage({ params }: Props) {
  await connection();
  const claim = await cachedPublishedClaim((await params).slug);
  if (!claim) notFound();
  const { verdict, appearance, retraction } = claim;
  // A retracted claim's review is withdrawn: no ClaimReview markup.
  const review = buildClaimReview(claim, getEnv().PUBLIC_BASE_URL);
  const jsonLd = review ? serializeJsonLd(review) : null;
  const current = claim.versions.at(-1);
  const lastContentVersion = [...claim.versions].reverse().find((v) => v.kind !== "retraction");
  // A data block, never executed; the nonce keeps it within the policy all the same.
  const nonce = await getNonce();

  return (
    <article aria-labelledby="claim-heading">
      {jsonLd ? <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
      {retraction ? (
        <section aria-labelledby="retraction-heading" className="retraction-notice">
          <h2 id="retraction-heading">This fact-check was retracted</h2>
          <p>
            Retracted <time dateTime={retraction.retractedAt}>{formatDateTime(retraction.retractedAt)}</time>. It no longer stands as our
            verdict; what we published before the retraction stays below so the record is complete.
          </p>
          <p style={{ whiteSpace: "pre-wrap" }}>
            <strong>Why:</strong> {retraction.note}
          </p>
        </section>
      ) : null}
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
          {retraction ? "Our retracted verdict" : "Our verdict"}: <RatingBadge rating={verdict.rating} />
        </h2>
        <p className="muted">
          First published <time dateTime={claim.firstPublishedAt}>{formatDateTime(claim.firstPublishedAt)}</time>
          {claim.version > 1 && current ? (
            <>
              {" · "}
              <a href="#versions-heading">
                version {claim.version}, {current.kind === "retraction" ? "retracted" : current.kind === "correction" ? "corrected" : "updated"}{" "}
                <time dateTime={claim.updatedAt}>{formatDateTime(claim.updatedAt)}</time>
              </a>
            </>
          ) : null}
          {verdict.asOf ? <> · based on what was known as of <time dateTime={verdict.asOf}>{formatDate(verdict.asOf)}</time></> : null}
        </p>
        {lastContentVersion ? <Byline version={lastContentVersion} /> : null}
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
      </section>

      {claim.sources.some((s) => s.figure) ? (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">Reported figures over time</h2>
          <ReportedFigures figures={claim.sources.flatMap((s, i) => (s.figure ? [{ ...s.figure, id: `${i}`, source: s.source.outlet }] : []))} />
        </section>
      ) : null}

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version history</h2>
        <VersionHistory versions={claim.versions} />
        <p className="hint">
          How we correct: see our <Link href="/methodology#corrections">corrections policy</Link>.
        </p>
      </section>
      <ReaderRequestsPanel page={`/claims/${claim.slug}`} feed={`/feeds/claims/${claim.slug}`} />
    </article>
  );
}

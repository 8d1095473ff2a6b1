import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { connection } from "next/server";
import { ClaimList } from "@/components/ledger/claim-list";
import { LedgerFilters } from "@/components/ledger/ledger-filters";
import { InvalidCursorError } from "@/lib/public/ledger";
import { cachedPublishedClaims, cachedPublishedStories } from "@/lib/public/cached";
import { ledgerHref, ledgerQuerySchema, queryObject, type LedgerQuery } from "@/lib/public/filters";
import type { LedgerPage } from "@/lib/public/types";
import { FormMessage } from "@/components/ui/form-message";

export const metadata: Metadata = {
  title: "Claim ledger",
  alternates: { types: { "application/atom+xml": [{ url: "/feeds/verdicts.atom", title: "New verdicts" }] } },
};

// The newest stories only: with a thousand stories the page would carry them all twice (filter and
// list) in its HTML and again in its RSC payload, half a megabyte per visit (docs/performance.md).
const STORIES_SHOWN = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LedgerHome({ searchParams }: Props) {
  await connection();
  const raw = queryObject(await searchParams);
  const parsed = ledgerQuerySchema.safeParse(raw);
  const allStories = await cachedPublishedStories();
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  let page: LedgerPage | null = null;
  let cursorError = false;
  if (parsed.success) {
    try {
      page = await cachedPublishedClaims(parsed.data);
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      cursorError = true;
    }
  }
  const filters: Partial<LedgerQuery> = parsed.success ? parsed.data : (raw as Partial<LedgerQuery>);
  const stories = allStories.filter((story, i) => i < STORIES_SHOWN || story.slug === filters.story);
  const story = stories.find((s) => s.slug === filters.story);
  const filtered = Boolean(filters.q || filters.story || filters.rating || filters.claimant || filters.from || filters.to);

  return (
    <>
      <h1>Claim ledger</h1>
      <p className="muted">Checked claims from the news, with every source, conflicting account and correction. Newest verdicts first.</p>
      <LedgerFilters filters={filters} stories={stories} errors={errors} />
      {!parsed.success ? (
        <FormMessage tone="error">
          Some filters are not valid; fix the highlighted fields.
        </FormMessage>
      ) : null}
      {cursorError ? (
        <p className="alert alert-warn" role="alert">
          That page link is no longer valid. <a href={ledgerHref("/", filters)}>Start from the first page</a>.
        </p>
      ) : null}
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{filtered ? "Matching verdicts" : "Latest verdicts"}</h2>
        {page?.fuzzy ? <p className="alert alert-warn">No exact matches for “{filters.q}”; showing close matches.</p> : null}
        {page && page.items.length === 0 ? (
          <div className="empty">
            {filtered ? (
              <>
                <p>
                  No published verdicts match {filters.q ? <>“{filters.q}”</> : "these filters"}. Checks may be in progress: a claim appears here only
                  once an editor has reviewed and published its verdict.
                </p>
                <p>
                  {story ? (
                    <>
                      See what is already published in the story <Link href={`/stories/${story.slug}`}>{story.title}</Link>, or{" "}
                    </>
                  ) : stories.length > 0 ? (
                    <>
                      Browse the <a href="#stories-heading">stories</a> we are following, or{" "}
                    </>
                  ) : null}
                  <Link href="/">clear the filters</Link> to see every check.
                </p>
              </>
            ) : (
              <p>No verdicts have been published yet. Checks appear here as soon as an editor publishes them.</p>
            )}
          </div>
        ) : null}
        {page && page.items.length > 0 ? <ClaimList items={page.items} /> : null}
        <nav aria-label="Pages" className="row pager">
          {filters.cursor ? <a href={ledgerHref("/", filters)}>← First page</a> : null}
          {page?.nextCursor ? (
            <a href={ledgerHref("/", filters, { cursor: page.nextCursor })} rel="next">
              Older verdicts →
            </a>
          ) : null}
        </nav>
      </section>
      {stories.length > 0 ? (
        <section aria-labelledby="stories-heading">
          <h2 id="stories-heading">Stories</h2>
          {allStories.length > stories.length ? (
            <p className="muted">
              The {STORIES_SHOWN} most recent of {allStories.length} stories; the <a href="/api/v1/stories">stories API</a> lists every one.
            </p>
          ) : null}
          <ul>
            {stories.map((story) => (
              <li key={story.slug}>
                <a href={`/stories/${story.slug}`}>{story.title}</a>{" "}
                <span className="muted">
                  ({story.publishedClaims} published {story.publishedClaims === 1 ? "check" : "checks"})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

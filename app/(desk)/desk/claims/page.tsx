import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { CLAIMS_PAGE_SIZE, getClaimFormOptions, searchClaims } from "@/lib/data/claims";
import { claimFiltersSchema } from "@/lib/validations/claim";
import { ClaimFilterForm } from "@/components/claims/claim-filters";
import { ClaimTable } from "@/components/claims/claim-table";
import { BulkBar } from "@/components/claims/bulk-bar";
import { ReaderRequestsSummary } from "@/components/readers/reader-requests-summary";

export const metadata: Metadata = { title: "Claims" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filters = claimFiltersSchema.parse(params);
  const [{ items, total, fuzzy }, { stories, deskUsers }] = await Promise.all([searchClaims(filters, actor), getClaimFormOptions()]);
  const filtered = Boolean(filters.q || filters.story || filters.status || filters.kind || filters.claimant || filters.conflict || filters.mine);
  const pages = Math.max(1, Math.ceil(total / CLAIMS_PAGE_SIZE));
  const pageHref = (page: number) => `/desk/claims?${new URLSearchParams({ ...clean(params), page: String(page) }).toString()}`;

  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Claims</h1>
        <Link className="button" href="/desk/claims/new">
          New claim
        </Link>
      </div>
      <ReaderRequestsSummary />
      <ClaimFilterForm filters={filters} stories={stories} />
      <p role="status" className="muted">
        {total === 0
          ? "No claims found."
          : `${total} claim${total === 1 ? "" : "s"}${filtered ? " match" : ""}${pages > 1 ? ` · page ${filters.page} of ${pages}` : ""}`}
        {fuzzy ? " No exact match for your words; showing similar claims instead." : ""}
      </p>
      {items.length > 0 ? (
        <>
          <BulkBar deskUsers={deskUsers} stories={stories} actorId={actor.id} />
          <ClaimTable claims={items} actorId={actor.id} />
        </>
      ) : (
        <div className="empty">
          {filtered ? (
            <p>
              Nothing matches these filters. <Link href="/desk/claims">Clear them</Link> or try fewer words.
            </p>
          ) : (
            <p>
              No claims yet. <Link href="/desk/claims/new">Add the first claim</Link> or <Link href="/desk/documents/new">import an article</Link> and pick
              its check-worthy sentences.
            </p>
          )}
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="row" style={{ marginTop: "1rem" }}>
          {filters.page > 1 ? <Link href={pageHref(filters.page - 1)}>← Previous</Link> : null}
          {filters.page < pages ? <Link href={pageHref(filters.page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

function clean(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

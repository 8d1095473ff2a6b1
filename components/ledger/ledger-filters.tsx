import Link from "next/link";
import { RATINGS } from "@/lib/ratings";
import type { LedgerFilters as Filters } from "@/lib/public/filters";
import type { PublicStory } from "@/lib/public/types";
import { Disclosure } from "@/components/ui/disclosure";

const MORE_FILTERS = ["story", "rating", "claimant", "from", "to"] as const;

/** A plain GET form: filtering works without JavaScript and every result page has a shareable URL. */
export function LedgerFilters({ filters, stories, errors }: { filters: Partial<Filters>; stories: PublicStory[]; errors: Record<string, string[] | undefined> }) {
  const error = (name: string) =>
    errors[name]?.[0] ? (
      <p className="field-error" id={`${name}-error`}>
        {errors[name]?.[0]}
      </p>
    ) : null;
  const describedBy = (name: string) => (errors[name]?.[0] ? `${name}-error` : undefined);
  // Readers mostly browse: on a phone the verdicts come right after the search box, and the other
  // filters open on demand (open already when one is in use or refused).
  const active = MORE_FILTERS.filter((name) => Boolean(filters[name]));
  return (
    <form method="get" action="/" role="search" aria-label="Filter the ledger" className="panel">
      <div className="field">
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="q-hint" />
        <p className="hint" id="q-hint">
          Words, &quot;exact phrases&quot;, or -exclusions
        </p>
      </div>
      <Disclosure
        summary={active.length ? `More filters (${active.length} in use)` : "More filters: story, rating, claimant, dates"}
        hasError={MORE_FILTERS.some((name) => Boolean(errors[name]?.length))}
        open={active.length > 0}
      >
        <div className="filters">
          <div className="field">
            <label htmlFor="story">Story</label>
            <select id="story" name="story" defaultValue={filters.story ?? ""}>
              <option value="">All stories</option>
              {stories.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rating">Rating</label>
            <select id="rating" name="rating" defaultValue={filters.rating ?? ""}>
              <option value="">Any rating</option>
              {Object.entries(RATINGS).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="claimant">Claimant</label>
            <input id="claimant" name="claimant" defaultValue={filters.claimant ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="from">Published from</label>
            <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} aria-invalid={Boolean(errors.from)} aria-describedby={describedBy("from")} />
            {error("from")}
          </div>
          <div className="field">
            <label htmlFor="to">Published to</label>
            <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} aria-invalid={Boolean(errors.to)} aria-describedby={describedBy("to")} />
            {error("to")}
          </div>
        </div>
      </Disclosure>
      <div className="row">
        <button type="submit">Filter</button>
        <Link className="button secondary" href="/">
          Clear
        </Link>
      </div>
    </form>
  );
}

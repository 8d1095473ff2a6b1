import Link from "next/link";
import type { ClaimFilters } from "@/lib/validations/claim";
import { CLAIM_KIND_LABEL, CLAIM_KINDS, CLAIM_STATUSES } from "@/lib/validations/claim";
import { CLAIM_STATUS_LABEL } from "@/lib/domain/workflow";

/** A plain GET form: filters live in the URL, so a filtered list can be shared and bookmarked. */
export function ClaimFilterForm({ filters, stories }: { filters: ClaimFilters; stories: Array<{ id: string; title: string }> }) {
  return (
    <form method="get" action="/desk/claims" role="search" aria-label="Search and filter claims" className="panel">
      <div className="field">
        <label htmlFor="q">Search claims and claimants</label>
        <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="q-hint" />
        <p id="q-hint" className="hint">
          Words are matched in any form (“burned” finds “burning”). Use “quotes” for a phrase, or and -word to exclude.
        </p>
      </div>
      <div className="filters">
        <div>
          <label htmlFor="filter-story">Story</label>
          <select id="filter-story" name="story" defaultValue={filters.story ?? ""}>
            <option value="">All stories</option>
            {stories.map((story) => (
              <option key={story.id} value={story.id}>
                {story.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {CLAIM_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-kind">Kind</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any kind</option>
            {CLAIM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CLAIM_KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-claimant">Claimant</label>
          <input id="filter-claimant" name="claimant" defaultValue={filters.claimant ?? ""} />
        </div>
        <div>
          <label>
            <input type="checkbox" name="conflict" value="1" defaultChecked={filters.conflict} style={{ width: "auto" }} /> Conflicting accounts
          </label>
          <label>
            <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} style={{ width: "auto" }} /> Assigned to me
          </label>
        </div>
        <div className="row">
          <button type="submit">Apply</button>
          <Link href="/desk/claims" className="button secondary">
            Clear
          </Link>
        </div>
      </div>
    </form>
  );
}

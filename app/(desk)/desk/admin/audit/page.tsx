import Link from "next/link";
import type { Metadata } from "next";
import { DateTime } from "@/components/verdicts/time-ago";
import { requirePageActor } from "@/lib/auth/session";
import { getAuditChainStatus, listAuditEntries, listAuditFacets, parseAuditFilters, type AuditFilters } from "@/lib/data/audit";
import { AuditDiff } from "./audit-diff";
import { actionLabel, entityLabel } from "./labels";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(filters: AuditFilters, before?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, before })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/desk/admin/audit?${query}` : "/desk/admin/audit";
}

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("audit.read");
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  // Walking the whole hash chain costs a read of every audit row: only when asked, never per view.
  const verify = params.verify === "1";
  const [{ entries, nextBefore }, facets, chain] = await Promise.all([
    listAuditEntries(filters),
    listAuditFacets(),
    verify ? getAuditChainStatus() : null,
  ]);
  const filtered = Boolean(filters.entityType || filters.entityId || filters.actorId || filters.from || filters.to);

  return (
    <>
      <h1>Audit log</h1>
      {chain ? (
        <p className={chain.ok ? "alert alert-ok" : "alert alert-error"} role="status">
          {chain.ok
            ? `Verify chain: intact, ${chain.rows} rows checked. Every row's hash matches its content and links to the row before it.`
            : `Verify chain: broken at row ${chain.brokenAt}: ${chain.reason}. Investigate before trusting entries from that row on.`}
        </p>
      ) : (
        <form method="get" className="row" aria-label="Verify the audit chain" style={{ marginBottom: "1rem" }}>
          {Object.entries(filters).map(([key, value]) => (value ? <input key={key} type="hidden" name={key} value={value} /> : null))}
          <input type="hidden" name="verify" value="1" />
          <button type="submit" className="secondary">
            Verify chain
          </button>
          <span className="muted">Recomputes every row&apos;s hash and link (also: npm run audit:verify).</span>
        </form>
      )}

      <form method="get" className="filters" aria-label="Filter the audit log">
        <div>
          <label htmlFor="entityType">Entity type</label>
          <select id="entityType" name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">All types</option>
            {facets.entityTypes.map((type) => (
              <option key={type} value={type}>
                {entityLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityId">Entity id</label>
          <input id="entityId" name="entityId" defaultValue={filters.entityId ?? ""} />
        </div>
        <div>
          <label htmlFor="actorId">Actor</label>
          <select id="actorId" name="actorId" defaultValue={filters.actorId ?? ""}>
            <option value="">Anyone</option>
            {facets.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from">From (UTC)</label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div>
          <label htmlFor="to">To (UTC, inclusive)</label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="row">
          <button type="submit">Filter</button>
          {filtered ? (
            <Link href="/desk/admin/audit" className="button secondary">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {entries.length === 0 ? (
        <p className="empty">{filtered || filters.before ? "No audit entries match these filters." : "The audit log is empty."}</p>
      ) : (
        <div>
          <table className="stack-on-phone">
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">By</th>
                <th scope="col">Action</th>
                <th scope="col">About</th>
                <th scope="col">Before / after</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="#">{entry.id}</td>
                  <td data-label="Time">
                    <DateTime date={entry.createdAt} />
                  </td>
                  <td data-label="By">{entry.actorName ?? <span className="muted">system</span>}</td>
                  <td data-label="Action">{actionLabel(entry.action)}</td>
                  <td data-label="About">
                    {entry.subject?.href ? <Link href={entry.subject.href}>{entry.subject.label}</Link> : (entry.subject?.label ?? `${entityLabel(entry.entityType)} (no longer exists)`)}
                    <br />
                    <Link className="hint" href={pageHref({ entityType: entry.entityType, entityId: entry.entityId })}>
                      Every entry about this {entityLabel(entry.entityType)}
                    </Link>
                  </td>
                  <td data-label="Before / after">
                    <AuditDiff before={entry.before} after={entry.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Audit log pages" className="row" style={{ marginTop: "1rem" }}>
        {filters.before ? <Link href={pageHref({ ...filters, before: undefined })}>Newest entries</Link> : null}
        {nextBefore ? <Link href={pageHref(filters, nextBefore)}>Older entries</Link> : null}
      </nav>
    </>
  );
}

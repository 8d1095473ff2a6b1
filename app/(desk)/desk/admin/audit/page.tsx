import Link from "next/link";
import type { Metadata } from "next";
import { DateTime } from "@/components/verdicts/time-ago";
import { requirePageActor } from "@/lib/auth/session";
import { getAuditChainStatus, listAuditEntries, listAuditFacets, parseAuditFilters, type AuditFilters } from "@/lib/data/audit";
import { AuditDiff } from "./audit-diff";

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
  const filters = parseAuditFilters(await searchParams);
  const [{ entries, nextBefore }, facets, chain] = await Promise.all([
    listAuditEntries(filters),
    listAuditFacets(),
    getAuditChainStatus(),
  ]);
  const filtered = Boolean(filters.entityType || filters.entityId || filters.actorId || filters.from || filters.to);

  return (
    <>
      <h1>Audit log</h1>
      <p className={chain.ok ? "alert alert-ok" : "alert alert-error"} role="status">
        {chain.ok
          ? `Verify chain: intact, ${chain.rows} rows checked. Every row's hash matches its content and links to the row before it.`
          : `Verify chain: broken at row ${chain.brokenAt}: ${chain.reason}. Investigate before trusting entries from that row on.`}
      </p>

      <form method="get" className="filters" aria-label="Filter the audit log">
        <div>
          <label htmlFor="entityType">Entity type</label>
          <select id="entityType" name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">All types</option>
            {facets.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
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
        <table>
          <caption className="visually-hidden">Audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Before / after</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.id}</td>
                <td>
                  <DateTime date={entry.createdAt} />
                </td>
                <td>{entry.actorName ?? <span className="muted">system</span>}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <Link href={pageHref({ entityType: entry.entityType, entityId: entry.entityId })}>
                    {entry.entityType} <code>{entry.entityId}</code>
                  </Link>
                </td>
                <td>
                  <AuditDiff before={entry.before} after={entry.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <nav aria-label="Audit log pages" className="row" style={{ marginTop: "1rem" }}>
        {filters.before ? <Link href={pageHref({ ...filters, before: undefined })}>Newest entries</Link> : null}
        {nextBefore ? <Link href={pageHref(filters, nextBefore)}>Older entries</Link> : null}
      </nav>
    </>
  );
}

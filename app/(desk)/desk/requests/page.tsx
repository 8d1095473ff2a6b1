import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listReaderRequests } from "@/lib/data/reader-requests";
import { READER_KIND_LABEL, readerQueueFiltersSchema } from "@/lib/validations/reader-request";
import { STATUS_LABEL } from "@/components/readers/request-labels";
import { ReaderRequestsSummary } from "@/components/readers/reader-requests-summary";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Reader requests" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

export default async function ReaderRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("request.triage");
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filters = readerQueueFiltersSchema.parse(params);
  const requests = await listReaderRequests(filters, actor.id);
  return (
    <>
      <h1>Reader requests</h1>
      <ReaderRequestsSummary />
      <form method="get" className="row" aria-label="Filter requests">
        <span className="filter-pair">
          <label htmlFor="filter-kind">Kind</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} style={{ width: "auto" }}>
            <option value="">All</option>
            <option value="CORRECTION">Correction requests</option>
            <option value="SUGGESTION">Claim suggestions</option>
          </select>
        </span>
        <span className="filter-pair">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status} style={{ width: "auto" }}>
            <option value="OPEN">Open</option>
            <option value="ACTED">Acted on</option>
            <option value="DECLINED">Declined</option>
            <option value="ALL">All</option>
          </select>
        </span>
        <label>
          <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} style={{ width: "auto" }} /> Assigned to me
        </label>
        <label>
          <input type="checkbox" name="unassigned" value="1" defaultChecked={filters.unassigned} style={{ width: "auto" }} /> Unassigned
        </label>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      {requests.length === 0 ? (
        <p className="empty">No requests match. Readers send them from the forms at the foot of every public claim and story page.</p>
      ) : (
        <TableScroll label="Reader requests, newest first">
          <table className="stack-on-phone">
            <caption className="visually-hidden">Reader requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">What the reader wrote</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Received</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={`/desk/requests/${r.id}`}>{r.reference}</Link>
                  </th>
                  <td data-label="What the reader wrote">
                    <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{excerpt(r.text)}</div>
                    {r.claim ? <div className="muted">On: {r.claim.text}</div> : null}
                  </td>
                  <td data-label="Kind">{READER_KIND_LABEL[r.kind]}</td>
                  <td data-label="Status">
                    {STATUS_LABEL[r.status]}
                    {r.submissions > 1 ? <div className="muted">sent {r.submissions} times</div> : null}
                  </td>
                  <td data-label="Received">
                    <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</time>
                  </td>
                  <td data-label="Assigned to">{r.assignee?.name ?? "Nobody"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

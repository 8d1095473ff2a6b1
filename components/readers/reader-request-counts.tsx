import { listMonthlyReaderCounts } from "@/lib/data/reader-requests";
import { TableScroll } from "@/components/ui/table-scroll";

/** The anonymous mark on a correction that answered a reader's request (recorded on its publication). */
export function ReaderRequestMark({ show }: { show: boolean }) {
  return show ? <div className="muted">Prompted by a reader&apos;s correction request.</div> : null;
}

const monthLabel = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Readers' requests by month: received, acted on, declined; completed months only (see listMonthlyReaderCounts). */
export async function ReaderRequestCounts() {
  const months = await listMonthlyReaderCounts();
  return (
    <section aria-labelledby="reader-counts-heading">
      <h2 id="reader-counts-heading">Readers&apos; requests by month</h2>
      <p className="hint">
        Claim suggestions and correction requests from readers, counted once a month is over. A request sent several times counts once.
      </p>
      {months.length === 0 ? (
        <p className="empty">No completed month has readers&apos; requests yet.</p>
      ) : (
        <TableScroll label="Readers’ requests received, acted on and declined, by month">
          <table>
            <caption className="visually-hidden">Readers&apos; requests received, acted on and declined, by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Received</th>
                <th scope="col">Acted on</th>
                <th scope="col">Declined</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthLabel(m.month)}</th>
                  <td>{m.received}</td>
                  <td>{m.acted}</td>
                  <td>{m.declined}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

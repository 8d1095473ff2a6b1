import Link from "next/link";
import { countOpenReaderRequests } from "@/lib/data/reader-requests";

/** The desk start pages' line on readers' requests waiting for triage. */
export async function ReaderRequestsSummary() {
  const counts = await countOpenReaderRequests();
  const total = counts.suggestions + counts.corrections;
  return (
    <p className="muted" role="status">
      Readers:{" "}
      {total === 0 ? (
        "no open requests."
      ) : (
        <>
          <Link href="/desk/requests?kind=CORRECTION">{counts.corrections} correction request{counts.corrections === 1 ? "" : "s"}</Link>,{" "}
          <Link href="/desk/requests?kind=SUGGESTION">{counts.suggestions} suggestion{counts.suggestions === 1 ? "" : "s"}</Link> open
          {counts.unassigned > 0 ? <> ({<Link href="/desk/requests?unassigned=1">{counts.unassigned} unassigned</Link>})</> : null}.
        </>
      )}
    </p>
  );
}

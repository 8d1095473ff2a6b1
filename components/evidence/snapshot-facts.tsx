import Link from "next/link";
import { formatWhen } from "./format";

/** The kept copy of the page and whether the excerpt is in it, as a row of the evidence's facts. */
export function SnapshotFacts({ check }: { check: { snapshotId: string; fetchedAt: string; found: boolean } | null }) {
  if (!check) return null;
  return (
    <>
      <dt>Kept copy</dt>
      <dd>
        <Link href={`/desk/snapshots/${check.snapshotId}`}>Fetched {formatWhen(check.fetchedAt)}</Link> ·{" "}
        {check.found ? <span className="badge badge-ok">Excerpt found in snapshot</span> : <span className="badge badge-warn">Excerpt not found in snapshot</span>}
      </dd>
    </>
  );
}

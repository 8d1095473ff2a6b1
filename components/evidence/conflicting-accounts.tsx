import type { EvidenceSummary } from "@/lib/data/evidence";
import { ConflictReasons } from "../conflicts/conflict-reasons";
import { ReportedFigures } from "../ledger/reported-figures";
import Link from "next/link";
import { ConflictTable } from "./conflict-table";
import { EVIDENCE_PAGE_SIZE } from "./evidence-list";

/**
 * The "Conflicting accounts" section: what conflicts and why, who said what and when, and the figures.
 * Tables of one row per source list the first EVIDENCE_PAGE_SIZE unless `showAll` (the evidence
 * list's own `?evidence=all`); the figures' chart and its table always cover every source.
 */
export function ConflictingAccounts({ summary, hasConflict, slug, showAll }: { summary: EvidenceSummary; hasConflict: boolean; slug: string; showAll: boolean }) {
  const withFigures = summary.items.filter((e) => e.figure);
  if (!hasConflict && withFigures.length === 0) return null;
  const total = summary.items.length;
  const limit = showAll || total <= EVIDENCE_PAGE_SIZE ? null : EVIDENCE_PAGE_SIZE;
  return (
    <section className="panel" aria-labelledby="conflicts-heading">
      <div className="row">
        <h2 id="conflicts-heading">{hasConflict ? "Conflicting accounts" : "Reported figures"}</h2>
        {hasConflict ? <span className="badge badge-conflict">Conflicting accounts</span> : null}
      </div>
      <ConflictReasons
        conflicts={summary.conflicts}
        accounts={summary.items.map((e) => ({ key: e.id, source: e.source.outlet, attribution: e.attribution, stance: e.stance }))}
        limit={limit}
      />
      <h3>All accounts</h3>
      {limit === null ? null : (
        <p className="hint" id="accounts-count">
          The first {limit} of {total} accounts, earliest first. <Link href={`/desk/claims/${slug}?evidence=all#conflicts-heading`}>Show all {total} accounts</Link>
        </p>
      )}
      <ConflictTable summary={summary} limit={limit} />
      <ReportedFigures figures={withFigures.flatMap((e) => (e.figure ? [{ ...e.figure, id: e.id, source: e.source.outlet }] : []))} />
    </section>
  );
}

import { describeAsOf, describeQuantity } from "@/lib/domain/figures";
import { explainConflict, type ConflictReason } from "@/lib/domain/conflicts";
import { TableScroll } from "@/components/ui/table-scroll";
import { SAYS, stanceSides, type StanceAccount } from "./stance-sides";

/**
 * One table per conflict, captioned with what conflicts and why: the supporting and contradicting
 * sources for a conflict of stances (stance columns only), the two figures that cannot both be true
 * for a conflict of figures. A column appears only when some row has something to put in it.
 */
export function ConflictReasons({ conflicts, accounts, limit = null }: { conflicts: ConflictReason[]; accounts: StanceAccount[]; limit?: number | null }) {
  return conflicts.map((reason) =>
    reason.kind === "stance" ? (
      <StanceConflict key="stance" reason={reason} accounts={accounts} limit={limit} />
    ) : (
      <FigureConflict key={`figures:${reason.counted}`} reason={reason} />
    ),
  );
}

/** The stance first: on a phone the table scrolls sideways, and who speaks is the part that may wait. */
function StanceConflict({ reason, accounts, limit }: { reason: ConflictReason; accounts: StanceAccount[]; limit: number | null }) {
  const { rows, shown } = stanceSides(accounts, limit);
  const withSpeaker = rows.some((a) => a.attribution);
  return (
    <TableScroll label={explainConflict(reason)}>
      <table className="conflict-table">
        <caption>
          {explainConflict(reason)}
          {shown ? <span className="muted"> ({shown})</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">On the claim</th>
            {withSpeaker ? <th scope="col">Who speaks</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.key}>
              <th scope="row">{a.source}</th>
              <td>{SAYS[a.stance]}</td>
              {withSpeaker ? <td>{a.attribution ?? <span className="muted">not named</span>}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FigureConflict({ reason }: { reason: Extract<ConflictReason, { kind: "figures" }> }) {
  const dated = reason.figures.some((f) => f.asOf);
  return (
    <TableScroll label={explainConflict(reason)}>
      <table className="conflict-table">
        <caption>{explainConflict(reason)}</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Reported {reason.counted}</th>
            {dated ? <th scope="col">As of</th> : null}
          </tr>
        </thead>
        <tbody>
          {reason.figures.map((f, i) => (
            <tr key={i}>
              <th scope="row">{f.source ?? "A source"}</th>
              <td>{describeQuantity(f)}</td>
              {dated ? <td>{describeAsOf(f) ?? <span className="muted">not stated</span>}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

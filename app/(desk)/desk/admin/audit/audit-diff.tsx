import { valueLabel } from "./labels";

// Fields for whoever investigates the system rather than the newsroom's work: shown on request.
const TECHNICAL = /^(id|sessionVersion|via|path|operator|requestId|digest|hash|revision|version|.+Id|.+Ids)$/;

/** Before and after of one audit row, side by side, changed fields first and marked; internal fields under "Technical details". */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="muted">No details recorded.</span>;
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b || !a) {
    return (
      <div className="grid-2">
        <Json label="Before" value={before} />
        <Json label="After" value={after} />
      </div>
    );
  }
  const all = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const keys = all.filter((k) => !TECHNICAL.test(k));
  const technical = all.filter((k) => TECHNICAL.test(k));
  const changed = keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const same = keys.filter((k) => !changed.includes(k));
  return (
    <details>
      <summary>{changed.length === 0 ? "No field changed" : `Changed: ${changed.map(fieldLabel).join(", ")}`}</summary>
      <FieldTable keys={[...changed, ...same]} changed={changed} before={b} after={a} />
      {technical.length > 0 ? (
        <details>
          <summary>Technical details</summary>
          <FieldTable keys={technical} changed={[]} before={b} after={a} />
        </details>
      ) : null}
    </details>
  );
}

/** "sessionVersion" -> "session version". */
const fieldLabel = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();

function FieldTable(props: { keys: string[]; changed: string[]; before: Record<string, unknown>; after: Record<string, unknown> }) {
  const { keys, changed, before: b, after: a } = props;
  if (keys.length === 0) return null;
  return (
      <table className="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">
                {fieldLabel(key)} {changed.includes(key) ? <span className="badge badge-warn">changed</span> : null}
              </th>
              <td data-label="Before">
                <Value value={b[key]} />
              </td>
              <td data-label="After">
                <Value value={a[key]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
  );
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return {};
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="muted">—</span>;
  const label = valueLabel(value);
  if (label) return <span title={String(value)}>{label}</span>;
  return <pre style={PRE}>{JSON.stringify(value, null, 2)}</pre>;
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <strong>{label}</strong>
      <pre style={PRE}>{value === undefined ? "—" : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

const PRE = { whiteSpace: "pre-wrap", wordBreak: "break-word", margin: 0, fontSize: "0.85rem" } as const;

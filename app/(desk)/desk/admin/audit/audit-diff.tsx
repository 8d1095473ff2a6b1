/** Before and after of one audit row, side by side, changed fields first and marked. */
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
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const same = keys.filter((k) => !changed.includes(k));
  return (
    <details>
      <summary>
        {changed.length === 0 ? "No field changed" : `Changed: ${changed.join(", ")}`}
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {[...changed, ...same].map((key) => (
            <tr key={key}>
              <th scope="row">
                {key} {changed.includes(key) ? <span className="badge badge-warn">changed</span> : null}
              </th>
              <td>
                <Value value={b[key]} />
              </td>
              <td>
                <Value value={a[key]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return {};
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="muted">—</span>;
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

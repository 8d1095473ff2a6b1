import type { ReactNode } from "react";

/**
 * A labelled part of a form shown on demand (<details>). Its summary says what is inside. It opens
 * when it holds a field error, so the error is never hidden, or when `open` (filters in use); the fields inside are submitted (and
 * keep what was typed) whether it is open or not.
 */
export function Disclosure({ summary, hasError = false, open = false, children }: { summary: string; hasError?: boolean; open?: boolean; children: ReactNode }) {
  return (
    // Setting `open` only while an error is inside (or the caller asks): React leaves a disclosure the person opened alone.
    <details className="disclosure" open={hasError || open || undefined}>
      <summary>
        {summary}
        {hasError ? <span className="field-error-inline"> (needs attention)</span> : null}
      </summary>
      <div className="stack disclosure-body">{children}</div>
    </details>
  );
}

import type { ReactNode } from "react";

/**
 * A table that may be wider than the screen: a focusable region, so a keyboard user can scroll it
 * sideways, named for the table it holds. The name must differ from the section around it (axe's
 * landmark-unique): "Table of …", or the table's own caption.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

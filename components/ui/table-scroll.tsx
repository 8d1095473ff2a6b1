import type { ReactNode } from "react";

type Name = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

/**
 * A table that may be wider than the screen: a focusable region named after the table (its caption,
 * or the id of the heading that names it), so a keyboard user can scroll it sideways and a screen
 * reader says which table it holds.
 */
export function TableScroll({ children, ...name }: Name & { children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={name.label} aria-labelledby={name.labelledBy}>
      {children}
    </div>
  );
}

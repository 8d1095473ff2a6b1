import Link from "next/link";
import type { ReactNode } from "react";

export type NavItem = { href: string; label: string };

export function SiteHeader({ brandHref, label, items, end }: { brandHref: string; label: string; items: NavItem[]; end?: ReactNode }) {
  return (
    <header className="site-header">
      <Link className="brand" href={brandHref}>
        claimdesk
      </Link>
      <nav aria-label={label}>
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <span className="spacer" />
      {end}
    </header>
  );
}

import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";

const items = [
  { href: "/", label: "Ledger" },
  { href: "/methodology", label: "Methodology" },
  { href: "/corrections", label: "Corrections" },
];

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader brandHref="/" label="Public ledger" items={items} end={<a href="/desk">Newsroom sign-in</a>} />
      <main id="main">{children}</main>
    </>
  );
}

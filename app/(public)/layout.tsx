import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";

const items = [
  { href: "/", label: "Ledger" },
  { href: "/methodology", label: "Methodology" },
  { href: "/corrections", label: "Corrections" },
  { href: "/data", label: "Open data" },
];

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader brandHref="/" label="Public ledger" items={items} end={<a href="/desk">Newsroom sign-in</a>} />
      <main id="main">{children}</main>
      <footer className="site-footer">
        <nav aria-label="Data and feeds">
          <ul className="row">
            <li>
              <a href="/feeds/verdicts.atom">New verdicts (Atom)</a>
            </li>
            <li>
              <a href="/feeds/corrections.atom">Corrections (Atom)</a>
            </li>
            <li>
              <Link href="/api/v1/claims" prefetch={false}>
                JSON API
              </Link>
            </li>
            <li>
              <Link href="/data">Open data: downloads, data dictionary, licence</Link>
            </li>
            <li>
              <a href="/api/v1/openapi.json">OpenAPI description</a>
            </li>
            <li>
              <a href="/export/claimreviews.jsonl">ClaimReview export (JSON Lines)</a>
            </li>
            <li>
              <a href="/export/claimreviews.datafeed.json">ClaimReview DataFeed</a>
            </li>
          </ul>
        </nav>
      </footer>
    </>
  );
}

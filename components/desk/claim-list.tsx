import Link from "next/link";
import type { ReactNode } from "react";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { StatusBadge } from "@/components/claims/status-badge";
import { ShortTimeAgo } from "@/components/verdicts/time-ago";

type Item = { key?: string; slug: string; text: string; status?: ClaimStatus; updatedAt?: string; extra?: ReactNode };

/** A start page's short list of claims: text, status and when it last moved, or what to do when empty. */
export function ClaimList({ items, empty }: { items: Item[]; empty: ReactNode }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="work-list">
      {items.map((item) => (
        <li key={item.key ?? item.slug}>
          <Link href={`/desk/claims/${item.slug}`} data-shortcut-item>
            {item.text}
          </Link>
          <div className="row hint">
            {item.status ? <StatusBadge status={item.status} /> : null}
            {item.updatedAt ? (
              <span>
                updated <ShortTimeAgo date={new Date(item.updatedAt)} />
              </span>
            ) : null}
          </div>
          {item.extra}
        </li>
      ))}
    </ul>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listAuditEntries } from "@/lib/data/audit";
import { getUserCounts } from "@/lib/data/start-pages";
import { DeniedNotice } from "@/components/desk/denied-notice";
import { ShortTimeAgo } from "@/components/verdicts/time-ago";

export const metadata: Metadata = { title: "Admin overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** An admin's start page: the accounts at a glance and what happened last. */
export default async function AdminHomePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("user.manage");
  const [counts, { entries }, { denied }] = await Promise.all([getUserCounts(), listAuditEntries({}, 12), searchParams]);
  const active = counts.filter((c) => !c.disabled);
  const disabled = counts.filter((c) => c.disabled).reduce((sum, c) => sum + c.count, 0);

  return (
    <>
      <DeniedNotice denied={denied === "1"} />
      <h1>Admin overview</h1>
      <div className="grid-2">
        <section className="panel start-panel" aria-labelledby="users-heading">
          <h2 id="users-heading">Users</h2>
          <ul className="work-list">
            {(["FACT_CHECKER", "EDITOR", "ADMIN"] as const).map((role) => (
              <li key={role}>
                {active.find((c) => c.role === role)?.count ?? 0} active {ROLE_LABEL[role].toLowerCase()}
                {(active.find((c) => c.role === role)?.count ?? 0) === 1 ? "" : "s"}
              </li>
            ))}
            <li>{disabled} disabled</li>
          </ul>
          <p>
            <Link className="button secondary" href="/desk/admin/users">
              Manage users
            </Link>
          </p>
        </section>
        <section className="panel start-panel" aria-labelledby="audit-heading">
          <h2 id="audit-heading">Recent audit events</h2>
          {entries.length === 0 ? (
            <p className="muted">Nothing recorded yet.</p>
          ) : (
            <ul className="work-list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <strong>{entry.actorName ?? "System"}</strong> · {entry.action} · {entry.entityType}
                  <div className="hint">
                    <ShortTimeAgo date={entry.createdAt} />
                  </div>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/desk/admin/audit">Open the audit log</Link>
          </p>
        </section>
      </div>
    </>
  );
}

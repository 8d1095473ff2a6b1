import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { UnreadCount } from "@/components/notifications/unread-count";
import { ShortcutsHelp } from "@/components/desk/shortcuts-help";
import { requirePageActor } from "@/lib/auth/session";
import { can, ROLE_LABEL } from "@/lib/auth/permissions";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { getReviewCounts } from "@/lib/data/start-pages";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const [unread, review] = await Promise.all([countUnreadNotifications(actor.id), getReviewCounts()]);
  const items = [
    { href: "/desk/my-work", label: "My work" },
    { href: "/desk/claims", label: "Claims" },
    { href: "/desk/review", label: `Review queue (${review.waiting})` },
    { href: "/desk/stories", label: "Stories" },
    { href: "/desk/documents/new", label: "Import article" },
    { href: "/desk/imports", label: "Import checks" },
    { href: "/desk/vocabulary", label: "Counted things" },
    { href: "/desk/claimants", label: "Claimants" },
    { href: "/desk/requests", label: "Reader requests" },
    ...(can(actor.role, "user.manage") ? [{ href: "/desk/admin", label: "Admin" }] : []),
    ...(can(actor.role, "user.manage") ? [{ href: "/desk/admin/users", label: "Users" }] : []),
    ...(can(actor.role, "audit.read") ? [{ href: "/desk/admin/audit", label: "Audit log" }] : []),
    { href: "/", label: "Public ledger" },
  ];
  return (
    <>
      <SiteHeader
        brandHref="/desk"
        label="Desk"
        items={items}
        end={
          <span className="row">
            <UnreadCount initial={unread} />
            <span>
              {actor.name} <span className="badge badge-neutral">{ROLE_LABEL[actor.role]}</span>
            </span>
            <SignOutButton />
          </span>
        }
      />
      <main id="main">{children}</main>
      <ShortcutsHelp />
    </>
  );
}

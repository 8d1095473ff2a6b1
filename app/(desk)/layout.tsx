import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requirePageActor } from "@/lib/auth/session";
import { can, ROLE_LABEL } from "@/lib/auth/permissions";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const items = [
    { href: "/desk/claims", label: "Claims" },
    { href: "/desk/documents/new", label: "Import article" },
    { href: "/desk/imports", label: "Import checks" },
    { href: "/desk/review", label: "Review queue" },
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
            <span>
              {actor.name} <span className="badge badge-neutral">{ROLE_LABEL[actor.role]}</span>
            </span>
            <SignOutButton />
          </span>
        }
      />
      <main id="main">{children}</main>
    </>
  );
}

import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listUsers, type UserListItem } from "@/lib/data/users";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { formatDay } from "@/components/documents/format";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePageActor("user.manage");
  const raw = (await searchParams).q;
  const search = (Array.isArray(raw) ? raw[0] : raw)?.replace(/\u0000/g, "").trim().slice(0, 200) || undefined;
  const users = await listUsers(search);
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Changing a role or disabling an account signs that person out everywhere at once. A reset link changes nothing until the person
        uses it to choose a new password; then their sessions end too. Nobody here ever sees a password.
      </p>
      <CreateUserForm />
      <h2 id="people-heading">{search ? `People matching “${search}” (${users.length})` : `People (${users.length})`}</h2>
      <form method="get" role="search" aria-label="Find a person" className="filters filters-one">
        <div className="field">
          <label htmlFor="user-search">Name or email</label>
          <input id="user-search" name="q" type="search" defaultValue={search ?? ""} />
        </div>
        <div className="field row">
          <button type="submit">Find</button>
          {search ? (
            <a className="button secondary" href="/desk/admin/users">
              Everyone
            </a>
          ) : null}
        </div>
      </form>
      {users.length === 0 ? <p className="empty">Nobody’s name or email holds “{search}”.</p> : null}
      <table aria-labelledby="people-heading" className="stack-on-phone">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <strong>{user.name}</strong>
                {user.id === actor.id ? <span className="badge badge-neutral" style={{ marginLeft: "0.4rem" }}>You</span> : null}
                <br />
                <span className="muted">{user.email}</span>
              </td>
              <td data-label="Role">{ROLE_LABEL[user.role]}</td>
              <td data-label="Status">
                <UserStatus user={user} />
              </td>
              <td data-label="Created">{formatDay(user.createdAt)}</td>
              <td data-label="Last sign-in">{user.lastSignInAt ? formatDay(user.lastSignInAt) : <span className="muted">Never</span>}</td>
              <td data-label="Actions">
                <UserRowActions user={user} isSelf={user.id === actor.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Disabled, invited (not yet signed up: the link open until a day, or lapsed) or active. */
function UserStatus({ user }: { user: UserListItem }) {
  if (user.disabled) return <span className="badge badge-conflict">Disabled</span>;
  if (!user.invitation) return <span className="badge badge-ok">Active</span>;
  return (
    <>
      <span className="badge badge-neutral">Invited</span>
      <br />
      <span className="hint">
        {user.invitation.open ? `No password yet; the link works until ${formatDay(user.invitation.expiresAt)}` : "No password yet; the link lapsed: send a new one"}
      </span>
    </>
  );
}

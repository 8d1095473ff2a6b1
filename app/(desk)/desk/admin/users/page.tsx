import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/data/users";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { formatDay } from "@/components/documents/format";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("user.manage");
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Changing a role, disabling an account or resetting a password signs that person out everywhere at once.
      </p>
      <CreateUserForm />
      <h2 id="people-heading">People ({users.length})</h2>
      <table aria-labelledby="people-heading">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
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
              <td>{ROLE_LABEL[user.role]}</td>
              <td>{user.disabled ? <span className="badge badge-conflict">Disabled</span> : <span className="badge badge-ok">Active</span>}</td>
              <td>{formatDay(user.createdAt)}</td>
              <td>
                <UserRowActions user={user} isSelf={user.id === actor.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

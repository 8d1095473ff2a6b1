"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { changeUserRoleAction, createPasswordLinkAction, setUserDisabledAction } from "@/lib/actions/users";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import type { Result } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { FieldError } from "@/components/ui/field-error";
import { IssuedLink } from "./issued-link";

type User = { id: string; email: string; name: string; role: Role; disabled: boolean };

const ROLES = Object.keys(ROLE_LABEL) as Role[];

/**
 * useActionState, dispatched by hand so a refused form keeps its values (no automatic reset). A
 * confirmed question adds `confirmed` to the form (the server requires `confirmAdmin=yes` itself).
 */
function useRowAction<T>(action: (prev: unknown, formData: FormData) => Promise<Result<T>>, confirm?: () => { text: string; field?: string } | null) {
  const [state, dispatch, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const question = confirm?.();
    if (question && !window.confirm(question.text)) return;
    const formData = new FormData(event.currentTarget);
    if (question?.field) formData.set(question.field, "yes");
    startTransition(() => dispatch(formData));
  }
  return { state, pending, onSubmit };
}

function Status({ state, done }: { state: Result<unknown> | null; done: string }) {
  return (
    <span aria-live="polite" className="hint" style={{ display: "block" }}>
      {state?.ok ? done : null}
      {state && !state.ok ? <span className="field-error">{state.message}</span> : null}
    </span>
  );
}

export function UserRowActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [role, setRole] = useState<Role>(user.role);
  const roleAction = useRowAction(changeUserRoleAction, () =>
    role === "ADMIN" ? { text: `Make ${user.name} an admin? Admins manage every account, change roles and read the audit log.`, field: "confirmAdmin" } : null,
  );
  const roleErrors = roleAction.state && !roleAction.state.ok ? [...(roleAction.state.fieldErrors?.confirmAdmin ?? []), ...(roleAction.state.fieldErrors?.role ?? [])] : [];
  const disableAction = useRowAction(setUserDisabledAction, () =>
    user.disabled ? null : { text: `Disable ${user.name}? They are signed out at once and cannot sign in until re-enabled.` },
  );
  const linkAction = useRowAction(createPasswordLinkAction, () => ({
    text: `Make a reset link for ${user.name}? Any older link of theirs stops working; their password changes only when they use it.`,
  }));
  const id = `u-${user.id}`;

  return (
    <div className="stack">
      <form onSubmit={roleAction.onSubmit} className="row" style={{ gap: "0.5rem" }}>
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`${id}-role`} className="visually-hidden">
          Role for {user.name}
        </label>
        <select
          id={`${id}-role`}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          disabled={isSelf}
          aria-describedby={[isSelf && `${id}-self`, roleErrors.length > 0 && `${id}-role-error`].filter(Boolean).join(" ") || undefined}
          aria-invalid={roleErrors.length > 0}
          style={{ width: "auto" }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={isSelf || role === user.role || roleAction.pending}>
          {roleAction.pending ? "Saving…" : "Change role"}
        </button>
        <Status state={roleAction.state} done="Role changed; their sessions were ended." />
        <FieldError id={`${id}-role-error`} messages={roleErrors} />
      </form>

      <form onSubmit={disableAction.onSubmit}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
        <button type="submit" className={user.disabled ? "secondary" : "danger"} disabled={isSelf || disableAction.pending} aria-describedby={isSelf ? `${id}-self` : undefined}>
          {disableAction.pending ? "Saving…" : user.disabled ? "Re-enable" : "Disable"}
        </button>
        <Status state={disableAction.state} done={user.disabled ? "Disabled." : "Enabled: they can sign in again."} />
      </form>
      {isSelf ? (
        <p id={`${id}-self`} className="hint">
          You cannot change your own role or disable yourself. Ask another admin.
        </p>
      ) : null}

      <form onSubmit={linkAction.onSubmit}>
        <input type="hidden" name="userId" value={user.id} />
        <button type="submit" className="secondary" disabled={user.disabled || linkAction.pending}>
          {linkAction.pending ? "Making…" : "Make reset link"}
        </button>
        {linkAction.state?.ok ? <IssuedLink issued={linkAction.state.data} id={`${id}-link`} /> : <Status state={linkAction.state} done="" />}
      </form>
    </div>
  );
}

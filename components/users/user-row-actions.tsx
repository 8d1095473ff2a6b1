"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction } from "@/lib/actions/users";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import type { Result } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/user";
import { describedBy, FieldError } from "@/components/ui/field-error";

type User = { id: string; email: string; name: string; role: Role; disabled: boolean };
type Action = (prev: unknown, formData: FormData) => Promise<Result<unknown>>;

const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** useActionState, dispatched by hand so a refused form keeps its values (no automatic reset). */
function useRowAction(action: Action, confirmText?: () => string | null) {
  const [state, dispatch, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = confirmText?.();
    if (text && !window.confirm(text)) return;
    const formData = new FormData(event.currentTarget);
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
    role === "ADMIN" ? `Make ${user.name} an admin? Admins manage every account, change roles and read the audit log.` : null,
  );
  const disableAction = useRowAction(setUserDisabledAction, () =>
    user.disabled ? null : `Disable ${user.name}? They are signed out at once and cannot sign in until re-enabled.`,
  );
  const [resetOpen, setResetOpen] = useState(false);
  const resetAction = useRowAction(async (prev, formData) => {
    const result = await resetUserPasswordAction(prev, formData);
    if (result.ok) setResetOpen(false);
    return result;
  });
  const resetErrors = resetAction.state && !resetAction.state.ok ? (resetAction.state.fieldErrors?.password ?? []) : [];
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
          aria-describedby={isSelf ? `${id}-self` : undefined}
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

      {resetOpen ? (
        <form onSubmit={resetAction.onSubmit} noValidate className="stack" aria-label={`Reset password for ${user.name}`}>
          <input type="hidden" name="userId" value={user.id} />
          <div className="field" style={{ marginBottom: 0 }}>
            <label htmlFor={`${id}-password`}>New password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              autoFocus
              aria-invalid={resetErrors.length > 0}
              aria-describedby={describedBy(`${id}-password-hint`, resetErrors.length > 0 && `${id}-password-error`)}
            />
            <p id={`${id}-password-hint`} className="hint">
              At least {MIN_PASSWORD_LENGTH} characters. {isSelf ? "You will be signed out." : "Their sessions end at once."}
            </p>
            <FieldError id={`${id}-password-error`} messages={resetErrors} />
          </div>
          <span className="row" style={{ gap: "0.5rem" }}>
            <button type="submit" disabled={resetAction.pending}>
              {resetAction.pending ? "Saving…" : "Set password"}
            </button>
            <button type="button" className="secondary" onClick={() => setResetOpen(false)}>
              Cancel
            </button>
          </span>
          {resetAction.state && !resetAction.state.ok && resetErrors.length === 0 ? <Status state={resetAction.state} done="" /> : null}
        </form>
      ) : (
        <div>
          <button type="button" className="secondary" onClick={() => setResetOpen(true)}>
            Reset password…
          </button>
          <Status state={resetAction.state?.ok ? resetAction.state : null} done="Password changed; their sessions were ended." />
        </div>
      )}
    </div>
  );
}

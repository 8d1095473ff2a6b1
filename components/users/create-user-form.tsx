"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { createUserAction } from "@/lib/actions/users";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { IssuedLink } from "./issued-link";
import { FormMessage } from "@/components/ui/form-message";

const ROLES = Object.keys(ROLE_LABEL) as Role[];

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<Role>("FACT_CHECKER");
  const { state, onSubmit, pending } = useFormAction(async (prev: unknown, formData: FormData) => {
    const result = await createUserAction(prev, formData);
    if (result.ok) {
      formRef.current?.reset();
      setRole("FACT_CHECKER");
    }
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form ref={formRef} onSubmit={onSubmit} className="panel" noValidate aria-labelledby="create-user-heading" aria-busy={pending}>
      <h2 id="create-user-heading" style={{ marginTop: 0 }}>
        Invite a person
      </h2>
      <p className="hint">They get a link to choose their own password (72 hours, one use). Nobody else ever sees it.</p>
      <div aria-live="polite">
        {state?.ok ? <IssuedLink issued={state.data} id="invite-link" /> : null}
        {state && !state.ok ? (
          <FormMessage tone="error">
            {state.message}
          </FormMessage>
        ) : null}
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="new-email">Email</label>
          <input id="new-email" name="email" type="email" autoComplete="off" required aria-invalid={Boolean(errors.email)} aria-describedby={describedBy(errors.email && "new-email-error")} />
          <FieldError id="new-email-error" messages={errors.email} />
        </div>
        <div className="field">
          <label htmlFor="new-name">Name</label>
          <input id="new-name" name="name" autoComplete="off" required aria-invalid={Boolean(errors.name)} aria-describedby={describedBy(errors.name && "new-name-error")} />
          <FieldError id="new-name-error" messages={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" name="role" value={role} onChange={(event) => setRole(event.target.value as Role)} aria-invalid={Boolean(errors.role)} aria-describedby={describedBy(errors.role && "new-role-error")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
          <FieldError id="new-role-error" messages={errors.role} />
          {role === "ADMIN" ? (
            <div className="field" style={{ marginTop: "0.5rem", marginBottom: 0 }}>
              <label>
                <input
                  type="checkbox"
                  name="confirmAdmin"
                  value="yes"
                  style={{ width: "auto" }}
                  aria-invalid={Boolean(errors.confirmAdmin)}
                  aria-describedby={describedBy(errors.confirmAdmin && "new-confirm-admin-error")}
                />{" "}
                Yes, make them an admin: admins manage every account, change roles and read the audit log.
              </label>
              <FieldError id="new-confirm-admin-error" messages={errors.confirmAdmin} />
            </div>
          ) : null}
        </div>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Inviting…" : "Create invitation"}
      </button>
    </form>
  );
}

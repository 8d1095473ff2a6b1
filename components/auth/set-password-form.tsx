"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { setPasswordAction } from "@/lib/actions/password-links";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/user";
import { FormMessage } from "@/components/ui/form-message";

export function SetPasswordForm({ token }: { token: string }) {
  const { state, onSubmit, pending } = useFormAction(setPasswordAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formError = state && !state.ok && state.code !== "VALIDATION" ? state.message : null;

  return (
    <form onSubmit={onSubmit} className="panel" noValidate aria-busy={pending} aria-label="Choose your password">
      <div aria-live="assertive">
        {formError ? (
          <FormMessage tone="error">
            {formError}
          </FormMessage>
        ) : null}
      </div>
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          aria-invalid={Boolean(errors.password)}
          aria-describedby={describedBy("new-password-hint", errors.password && "new-password-error")}
        />
        <p id="new-password-hint" className="hint">
          At least {MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.
        </p>
        <FieldError id="new-password-error" messages={errors.password} />
      </div>
      <div className="field">
        <label htmlFor="confirm-password">The same password again</label>
        <input
          id="confirm-password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(errors.confirmPassword)}
          aria-describedby={describedBy(errors.confirmPassword && "confirm-password-error")}
        />
        <FieldError id="confirm-password-error" messages={errors.confirmPassword} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}

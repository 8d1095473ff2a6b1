import type { VerdictFormState } from "@/lib/actions/verdicts";

/** The polite live region every verdict form announces its outcome in. */
export function FormMessage({ state, id }: { state: VerdictFormState; id: string }) {
  return (
    <div aria-live="polite">
      {state ? (
        <p id={id} className={state.ok ? "alert alert-ok" : "alert alert-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

export function errorsFor(state: VerdictFormState, field: string): string[] {
  return state && !state.ok ? (state.fieldErrors?.[field] ?? []) : [];
}

/** Field errors under a control; pair with `aria-describedby={describedBy(...)}` on the control. */
export function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  );
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length > 0 ? present.join(" ") : undefined;
}

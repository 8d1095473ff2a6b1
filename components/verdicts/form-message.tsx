import { FormMessage } from "@/components/ui/form-message";
import type { VerdictFormState } from "@/lib/actions/verdicts";

/** The polite live region every verdict form announces its outcome in. */
export function VerdictFormMessage({ state, id }: { state: VerdictFormState; id: string }) {
  return (
    <div aria-live="polite">
      {state ? (
        <FormMessage id={id} tone={state.ok ? "ok" : "error"}>
          {state.message}
        </FormMessage>
      ) : null}
    </div>
  );
}

export function errorsFor(state: VerdictFormState, field: string): string[] {
  return state && !state.ok ? (state.fieldErrors?.[field] ?? []) : [];
}

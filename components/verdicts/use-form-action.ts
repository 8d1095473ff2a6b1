"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { VerdictFormState } from "@/lib/actions/verdicts";

type FormAction = (prev: VerdictFormState, form: FormData) => Promise<VerdictFormState>;

/**
 * useActionState, submitted from onSubmit so React does not reset the form afterwards: a field
 * error must not wipe what the person typed. `action` still works without JavaScript.
 */
export function useFormAction(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter ?? undefined);
    startTransition(() => formAction(data));
  }
  return { state, pending, action: formAction, onSubmit };
}

"use client";

import { startTransition, useActionState, type FormEvent } from "react";

/**
 * useActionState submitted from onSubmit, so React does not reset the form afterwards and a field
 * error never wipes what the person typed. `action` still works without JavaScript.
 */
export function useFormAction<S>(action: (prev: Awaited<S>, form: FormData) => Promise<S>, initial: Awaited<S>) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initial);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter ?? undefined);
    startTransition(() => formAction(data));
  }
  return { state, pending, action: formAction, onSubmit };
}

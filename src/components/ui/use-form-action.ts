"use client";
import { useActionState, useTransition } from "react";

/**
 * useActionState for forms whose fields must survive a failed submit. React resets a form after
 * an `action={…}` submission whatever the result, which would wipe what the person typed next to
 * the error messages; submitting through onSubmit in a transition does not reset it.
 */
export function useFormAction<S>(
  action: (prev: S | null, form: FormData) => Promise<S>,
  before?: (form: FormData) => void,
) {
  const [state, dispatch, pending] = useActionState<S | null, FormData>(action, null);
  const [, startTransition] = useTransition();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    before?.(form);
    startTransition(() => dispatch(form));
  };
  return [state, onSubmit, pending] as const;
}

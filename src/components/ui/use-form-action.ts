"use client";
import { useActionState, useEffect, useRef, useTransition } from "react";
import { unstable_rethrow } from "next/navigation";
import { settle, type ConnectionFailure } from "@/lib/domain/requests";

interface Failure {
  ok: false;
  fieldErrors?: Partial<Record<string, string>>;
  formError?: string;
  retry?: boolean;
}

/** What a form's FormError shows: the message, whether Retry is offered, and whether a request runs. */
export interface FormFeedback {
  message?: string;
  retry?: boolean;
  pending?: boolean;
}

interface Options {
  /** Called with the form's data before it is sent (e.g. to add an idempotency key). */
  before?: (form: FormData) => void;
  /** See settle(): only for actions whose retry cannot save twice (an idempotency key). */
  timeoutMs?: number;
}

/**
 * useActionState for every form of the app, so that none loses what the person typed:
 * - React resets a form after an `action={…}` submission whatever the result, which would wipe the
 *   values next to the error messages; submitting through onSubmit in a transition does not reset it.
 * - A request that fails (network error, a 500, no answer) would throw into the error boundary and
 *   replace the page; here it becomes a form-level message with Retry, and the fields stay as typed.
 * - After a failure, focus moves to the form's error message, or to the first field in error, in view.
 */
export function useFormAction<S extends { ok: boolean }>(
  action: (prev: S | null, form: FormData) => Promise<S>,
  options: Options | ((form: FormData) => void) = {},
) {
  const { before, timeoutMs } = typeof options === "function" ? { before: options, timeoutMs: undefined } : options;
  const [state, dispatch, pending] = useSafeActionState<S | null, FormData>(action, null, timeoutMs);
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (state && !state.ok && formRef.current) focusProblem(formRef.current);
  }, [state]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    formRef.current = e.currentTarget;
    const form = new FormData(e.currentTarget);
    before?.(form);
    startTransition(() => dispatch(form));
  };
  const failure = state && !state.ok ? (state as Failure) : null;
  const feedback: FormFeedback = { message: failure?.formError, retry: failure?.retry, pending };
  return [state as S | ConnectionFailure | null, onSubmit, pending, feedback] as const;
}

/**
 * useActionState whose failed request (network error, a 500, no answer) becomes a ConnectionFailure
 * result instead of an error thrown into the error boundary, which would replace the whole page.
 * Use it wherever useActionState would be used; forms with fields use useFormAction.
 */
export function useSafeActionState<S, P>(action: (prev: S, payload: P) => Promise<S>, initial: S, timeoutMs?: number) {
  return useActionState<S | ConnectionFailure, P>(
    (prev, payload) =>
      settle(() => action(prev as S, payload) as Promise<S>, {
        timeoutMs,
        // A redirect() after success arrives as a rejection: it is Next's to handle, not a failure.
        rethrow: unstable_rethrow,
        report: (err) => console.error("A request failed", err),
      }),
    initial as Awaited<S>,
  );
}

/** The form-level message if there is one, else the first field in error: focused and scrolled into view. */
export function focusProblem(root: HTMLElement) {
  const message = root.querySelector<HTMLElement>("[data-form-error]");
  const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = message ?? invalid;
  if (!target) return;
  // A group (fieldset) is not focusable itself: its first control is.
  const focusable = target.matches("input, select, textarea, [tabindex]")
    ? target
    : target.querySelector<HTMLElement>("input, select, textarea");
  target.scrollIntoView({ block: "center" });
  (focusable ?? target).focus({ preventScroll: true });
}

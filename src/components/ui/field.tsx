import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClass =
  "block w-full min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 dark:placeholder:text-slate-400 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

interface ShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, control, hint and error, tied together with aria-describedby. */
export function FieldShell({ id, label, error, hint, children }: ShellProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <div id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field({ name, label, error, hint, id, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <input
          id={fieldId}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...input}
        />
      )}
    </FieldShell>
  );
}

/**
 * A form-level error, above or beside the form. `data-form-error` and tabIndex -1 let the form hook
 * focus it after a failed submit; Retry (after a request that got no answer) submits the form again
 * with the values still in its fields.
 */
export function FormError({ message, retry, pending }: { message?: string; retry?: boolean; pending?: boolean }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-error=""
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 outline-offset-2 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p>{message}</p>
      {retry && (
        <button
          type="submit"
          disabled={pending}
          className="min-h-10 rounded-md border border-red-400 bg-white px-3 font-semibold text-red-800 disabled:opacity-60 dark:border-red-700 dark:bg-red-900 dark:text-red-100"
        >
          {pending ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}

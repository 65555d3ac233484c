import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { inputClass } from "./field";

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

type Common = { name: string; label: string; error?: string; hint?: ReactNode };

export function TextAreaField({ name, label, error, hint, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(describedBy) => <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} rows={2} {...rest} />}
    </FieldShell>
  );
}

export function SelectField({ name, label, error, hint, options, placeholder, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { id: string; name: string }[]; placeholder?: string }) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} {...rest}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldShell, inputClass } from "./field";

type Common = { name: string; label: string; error?: string; hint?: ReactNode };

export function TextAreaField({
  name,
  label,
  error,
  hint,
  id: given,
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  // Two forms on one page (a meeting's action and decision forms) pass their own ids.
  const id = given ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          rows={2}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  options,
  placeholder,
  id: given,
  ...rest
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { id: string; name: string }[]; placeholder?: string }) {
  const id = given ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <select
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...rest}
        >
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

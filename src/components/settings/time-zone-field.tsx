"use client";
import { FieldShell, inputClass } from "@/components/ui/field";

/**
 * A searchable choice of IANA zone: a text input over the zone list (type "Auck" to find Pacific/Auckland). The list
 * comes from the server, whose list the choice is validated against, so the browser's own Intl cannot disagree.
 */
export function TimeZoneField({
  name,
  label,
  zones,
  defaultValue,
  error,
  hint,
  placeholder,
}: {
  name: string;
  label: string;
  zones: readonly string[];
  defaultValue: string;
  error?: string;
  hint?: React.ReactNode;
  placeholder?: string;
}) {
  const id = `field-${name}`;
  const listId = `${id}-zones`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {(describedBy) => (
        <>
          <input
            id={id}
            name={name}
            list={listId}
            defaultValue={defaultValue}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
          />
          <datalist id={listId}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
}

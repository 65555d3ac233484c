"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { setRetentionPolicyAction } from "@/lib/actions/privacy";
import { RETENTION_LIMITS, type RetentionPolicy } from "@/lib/domain/retention";

const FIELDS: { name: keyof RetentionPolicy; label: string; hint: string }[] = [
  {
    name: "observerDays",
    label: "Keep who observed, in days",
    hint: "After this many days a named observation becomes anonymous: the observer is removed, its counts stay.",
  },
  { name: "noteDays", label: "Keep observation notes, in days", hint: "After this many days notes are deleted." },
  {
    name: "auditDays",
    label: "Keep audit events, in days",
    hint: "Security events (sign-ins, refusals, role changes, keys, exports, restores) are kept whatever this says.",
  },
];

export function RetentionForm({ policy }: { policy: RetentionPolicy }) {
  const [state, onSubmit, pending, feedback] = useFormAction(setRetentionPolicyAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          name={f.name}
          label={f.label}
          hint={`${f.hint} From ${RETENTION_LIMITS[f.name].min} to ${RETENTION_LIMITS[f.name].max}.`}
          type="number"
          inputMode="numeric"
          min={RETENTION_LIMITS[f.name].min}
          max={RETENTION_LIMITS[f.name].max}
          defaultValue={policy[f.name]}
          error={errors[f.name]}
        />
      ))}
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save retention
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Retention saved. Tonight's run applies it." : null}
        </p>
      </div>
    </form>
  );
}

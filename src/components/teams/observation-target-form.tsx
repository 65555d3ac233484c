"use client";
import { setObservationTargetAction } from "@/lib/actions/teams";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** A team's weekly observation target: a whole number, or empty for none. */
export function ObservationTargetForm({ id, target }: { id: string; target: number | null }) {
  const [state, onSubmit, pending, feedback] = useFormAction(setObservationTargetAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Observation target">
      <input type="hidden" name="id" value={id} />
      <div className="min-w-56 flex-1">
        <Field
          name="target"
          label="Observations a week (target)"
          inputMode="numeric"
          defaultValue={target ?? ""}
          error={errors.target}
          hint="Opportunities the team aims to observe each week, e.g. 10. Leave empty for no target."
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save target"}
      </Button>
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Target saved.
        </p>
      )}
    </form>
  );
}

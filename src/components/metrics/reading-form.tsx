"use client";
import { useEffect, useRef } from "react";
import { addReadingAction } from "@/lib/actions/metrics";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

/** One reading for a day, organisation-wide or for a team; a second one for the same day replaces it. */
export function ReadingForm({
  metricId,
  unit,
  today,
  teams,
}: {
  metricId: string;
  unit: string;
  today: string;
  teams: { id: string; name: string }[];
}) {
  const [state, onSubmit, pending] = useFormAction(addReadingAction);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a reading">
      <input type="hidden" name="metricId" value={metricId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="date" label="Date" type="date" defaultValue={today} max={today} error={errors.date} />
        <SelectField
          name="teamId"
          label="For"
          options={teams}
          placeholder="Whole organisation"
          defaultValue=""
          error={errors.teamId}
        />
        <Field
          name="value"
          label={`Value (${unit})`}
          inputMode="decimal"
          autoComplete="off"
          error={errors.value}
          hint="A point for decimals, e.g. 12.5."
        />
      </div>
      <FormError message={state && !state.ok ? (state.formError ?? errors.metricId) : undefined} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Reading saved.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Add reading"}
      </Button>
    </form>
  );
}

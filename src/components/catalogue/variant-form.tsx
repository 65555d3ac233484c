"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { createVariantAction } from "@/lib/actions/catalogue";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

/** Adapt the behaviour for one team: its own trigger or frequency, the same intent. */
export function VariantForm({
  behaviourId,
  teams,
  trigger,
  frequency,
}: {
  behaviourId: string;
  teams: { id: string; name: string }[];
  trigger: string;
  frequency: string;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(createVariantAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm">
          Variant added.
        </p>
      )}
      <input type="hidden" name="behaviourId" value={behaviourId} />
      <SelectField name="teamId" label="Team" options={teams} placeholder="Choose a team…" error={errors.teamId} />
      <Field name="trigger" label="The team's trigger" defaultValue={trigger} error={errors.trigger} maxLength={200} />
      <Field
        name="frequency"
        label="The team's frequency or deadline"
        defaultValue={frequency}
        error={errors.frequency}
        maxLength={120}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Add local variant
      </Button>
    </form>
  );
}

"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { setMinGroupSizeAction } from "@/lib/actions/privacy";
import { MIN_GROUP_SIZE_LIMITS } from "@/lib/domain/group-size";

export function GroupSizeForm({ minGroupSize }: { minGroupSize: number }) {
  const [state, onSubmit, pending, feedback] = useFormAction(setMinGroupSizeAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const { min, max } = MIN_GROUP_SIZE_LIMITS;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field
        name="minGroupSize"
        label="Minimum group size, in people"
        hint={`A team or value stream with fewer active members shows no figures anywhere. From ${min} to ${max}; 1 turns the protection off (not recommended: a small team's figures can point at one person).`}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        defaultValue={minGroupSize}
        error={errors.minGroupSize}
      />
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save group size
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Minimum group size saved. Every page uses it now." : null}
        </p>
      </div>
    </form>
  );
}

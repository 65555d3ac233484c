"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { createValueAction } from "@/lib/actions/catalogue";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function NewValueForm() {
  const [state, onSubmit, pending, feedback] = useFormAction(createValueAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <Field name="name" label="Value name" error={errors.name} maxLength={80} />
      <Field name="description" label="Description (optional)" error={errors.description} maxLength={300} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Add value
      </Button>
      <div className="sm:col-span-3">
        <FormError {...feedback} />
        {state?.ok && (
          <p role="status" className="text-sm">
            Value added.
          </p>
        )}
      </div>
    </form>
  );
}

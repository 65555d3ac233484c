"use client";
import { saveCustomerStoryAction } from "@/lib/actions/dashboards";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-controls";

/** The customer story told at this meeting: one real customer's experience, in a few sentences. */
export function CustomerStoryForm({ today }: { today: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(saveCustomerStoryAction, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" key={state?.ok ? "saved" : "editing"}>
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Saved.
        </p>
      )}
      <Field
        name="meetingDate"
        label="Meeting date"
        type="date"
        defaultValue={today}
        max={today}
        error={errors.meetingDate}
      />
      <TextAreaField
        name="story"
        label="Customer story"
        rows={4}
        maxLength={2000}
        error={errors.story}
        hint="Who the customer is, what happened to them, and what it tells us. No personal data beyond what the customer agreed to share."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save customer story"}
      </Button>
    </form>
  );
}

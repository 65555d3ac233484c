"use client";
import { saveCustomerStoryAction } from "@/lib/actions/dashboards";
import { CUSTOMER_MAX, SENTIMENT_LABELS, SOURCE_LABELS } from "@/lib/domain/feedback";
import { optionsOf } from "@/lib/domain/labels";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { RadioGroup } from "@/components/ui/choice-group";

/**
 * A new customer story told at this meeting: one real customer's experience, in a few sentences,
 * kept as a customer feedback item marked as a story (with where it came from and how they felt).
 */
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
      <Field name="customer" label="Customer or segment (optional)" maxLength={CUSTOMER_MAX} error={errors.customer} />
      <SelectField
        name="source"
        label="Where the story came from"
        options={optionsOf(SOURCE_LABELS)}
        placeholder="Choose…"
        error={errors.source}
      />
      <RadioGroup
        name="sentiment"
        legend="How the customer felt"
        options={optionsOf(SENTIMENT_LABELS)}
        selected=""
        error={errors.sentiment}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save customer story"}
      </Button>
    </form>
  );
}

"use client";
import { setSurveyClosesOnAction } from "@/lib/actions/surveys";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** The survey's closing day, for its managers: a day, or empty for open until closed by hand. */
export function SurveyClosingForm({
  surveyId,
  closesOn,
  today,
}: {
  surveyId: string;
  closesOn: string | null;
  /** The organisation's today: the earliest closing day. */
  today: string;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(setSurveyClosesOnAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-wrap items-end gap-3">
      <input type="hidden" name="surveyId" value={surveyId} />
      <div className="min-w-48 flex-1">
        <Field
          name="closesOn"
          label="Closes on"
          type="date"
          min={today}
          defaultValue={closesOn ?? ""}
          error={errors.closesOn}
          hint="The last day it takes responses; those who have not answered are reminded the day before. Empty: open until you close it."
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save closing day"}
      </Button>
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="w-full text-sm text-emerald-800 dark:text-emerald-300">
          Closing day saved.
        </p>
      )}
    </form>
  );
}

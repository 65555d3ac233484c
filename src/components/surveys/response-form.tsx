"use client";
import { respondToSurveyAction } from "@/lib/actions/surveys";
import type { SurveyQuestionDto } from "@/lib/schemas/surveys";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** One question per fieldset; radio buttons for one response, checkboxes where several may apply. */
export function ResponseForm({ surveyId, questions }: { surveyId: string; questions: SurveyQuestionDto[] }) {
  const [state, onSubmit, pending, feedback] = useFormAction(respondToSurveyAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5">
      <FormError {...feedback} />
      <input type="hidden" name="surveyId" value={surveyId} />
      {questions.map((q, n) => {
        const name = `q_${q.id}`;
        const error = errors[name];
        return (
          <fieldset
            key={q.id}
            className="space-y-1"
            aria-describedby={error ? `${name}-error` : undefined}
            aria-invalid={error ? true : undefined}
          >
            <legend className="font-medium">
              {n + 1}. {q.text}
              {q.multiple && (
                <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                  Choose all that apply.
                </span>
              )}
            </legend>
            {q.options.map((o) => (
              <label
                key={o.id}
                className="flex min-h-11 items-center gap-3 rounded-md px-2 hover:bg-slate-50 dark:hover:bg-slate-800"
              >
                <input type={q.multiple ? "checkbox" : "radio"} name={name} value={o.id} className="size-5" />
                {o.label}
              </label>
            ))}
            {error && (
              <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send my answers"}
      </Button>
    </form>
  );
}

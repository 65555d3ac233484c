"use client";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { barrierFromResponseAction, setSurveyStatusAction } from "@/lib/actions/surveys";
import { Button } from "@/components/ui/button";

/**
 * One click: the response becomes a barrier with its statistics attached. Its name starts with the words it shows
 * (axe: label-content-name-mismatch) and goes on to say which response to which question, since a tabulation has one
 * such button per finding and "Yes" alone repeats across questions.
 */
export function MakeBarrierButton({
  surveyId,
  optionId,
  label,
  question,
}: {
  surveyId: string;
  optionId: string;
  label: string;
  question: string;
}) {
  const [state, run, pending] = useSafeActionState(barrierFromResponseAction, null);
  return (
    <form action={run} className="mt-1">
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="optionId" value={optionId} />
      <Button type="submit" variant="secondary" className="min-h-8 px-2 py-1 text-xs" disabled={pending}>
        Make it a barrier<span className="sr-only">{` for “${label}” to “${question}”`}</span>
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.formError}
        </p>
      )}
    </form>
  );
}

export function SurveyStatusButton({ surveyId, status }: { surveyId: string; status: "OPEN" | "CLOSED" }) {
  const [state, run, pending] = useSafeActionState(setSurveyStatusAction, null);
  return (
    <form action={run}>
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="status" value={status === "OPEN" ? "CLOSED" : "OPEN"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {status === "OPEN" ? "Close survey" : "Reopen survey"}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.formError}
        </p>
      )}
    </form>
  );
}

"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { videoTestAction } from "@/lib/actions/catalogue";
import { CRITERIA } from "@/lib/domain/behaviour";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-controls";

function YesNo({ name, legend, error }: { name: string; legend: string; error?: string }) {
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex gap-4">
        {["yes", "no"].map((v) => (
          <label key={v} className="flex min-h-10 items-center gap-2 text-sm">
            <input type="radio" name={name} value={v} className="size-4" /> {v === "yes" ? "Yes" : "No"}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The human video test, for a reviewer who is not the author. */
export function VideoTestForm({ behaviourId, version }: { behaviourId: string; version: number }) {
  const [state, onSubmit, pending, feedback] = useFormAction(videoTestAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (state?.ok) {
    return (
      <p role="status" className="text-sm">
        Recorded.{" "}
        {state.data.status === "ACTIVE" ? "The behaviour is now active and can be observed." : "It stays in review."}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError {...feedback} />
      <input type="hidden" name="behaviourId" value={behaviourId} />
      <input type="hidden" name="version" value={version} />
      {CRITERIA.map((c) => (
        <YesNo key={c.key} name={c.key} legend={c.question} error={errors[c.key]} />
      ))}
      <fieldset className="space-y-1" aria-describedby={errors.verdict ? "verdict-error" : undefined}>
        <legend className="text-sm font-medium">Verdict</legend>
        <div className="flex gap-4">
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="radio" name="verdict" value="PASS" className="size-4" /> Pass
          </label>
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="radio" name="verdict" value="FAIL" className="size-4" /> Fail
          </label>
        </div>
        {errors.verdict && (
          <p id="verdict-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.verdict}
          </p>
        )}
      </fieldset>
      <TextAreaField
        name="notes"
        label="Notes"
        error={errors.notes}
        maxLength={1000}
        hint="Required for a fail: say what would make it pass."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record video test"}
      </Button>
    </form>
  );
}

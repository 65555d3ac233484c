"use client";
import { saveAgendaNotesAction } from "@/lib/actions/rituals";
import type { ActionResult } from "@/lib/schemas/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Notes on one agenda item, saved on their own; a conflict or a lost request keeps the text in the box. */
export function AgendaNotes({
  itemId,
  version,
  notes,
  label,
}: {
  itemId: string;
  version: number;
  notes: string;
  label: string;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(saveAgendaNotesAction);
  const error = state && !state.ok ? state.fieldErrors?.notes : undefined;
  const fieldId = `notes-${itemId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 print:hidden">
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={fieldId} className="sr-only">
        {label}
      </label>
      <textarea
        id={fieldId}
        name="notes"
        defaultValue={notes}
        rows={2}
        maxLength={5000}
        placeholder="Notes: what was said, agreed or left open"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
      />
      {error && (
        <p id={`${fieldId}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : state?.ok ? "Saved: save again" : "Save notes"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

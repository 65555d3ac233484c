"use client";
import { addAgendaItemAction } from "@/lib/actions/rituals";
import type { ActionResult } from "@/lib/schemas/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** The facilitator's own item, at the end of the agenda (move it where it belongs). */
export function AgendaAddItem({ occurrenceId }: { occurrenceId: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(addAgendaItemAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 print:hidden">
      <input type="hidden" name="occurrenceId" value={occurrenceId} />
      <FormError {...feedback} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="title" label="Item" maxLength={200} error={errors.title} />
        <Field
          name="prompt"
          label="Question to ask (optional)"
          maxLength={500}
          error={errors.prompt}
          hint="e.g. “What did the customer try first?”"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : "Add to the agenda"}
      </Button>
    </form>
  );
}

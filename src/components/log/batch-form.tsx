"use client";
import { useEffect, useRef, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { logBatchAction } from "@/lib/actions/observations";
import type { LogOptionsDto } from "@/lib/schemas/observations";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { currentDay } from "@/lib/domain/dates";
import { useCalendar } from "@/components/ui/calendar-context";
import { fingerprintOf, keyFor, REQUEST_TIMEOUT_MS, type RequestKey } from "@/lib/domain/requests";
import { randomKey } from "@/lib/domain/random";

/** "In today's sprint review, 4 of 5 tickets got a root-cause note": counts in one entry. */
export function BatchForm({ options }: { options: LogOptionsDto }) {
  // One idempotency key per batch: a retried or double submit of the same batch reuses it (the server
  // keeps the first), a changed batch gets a new one, a saved batch ends it.
  const key = useRef<RequestKey | null>(null);
  const [state, onSubmit, pending, feedback] = useFormAction(logBatchAction, {
    before: (form) => {
      key.current = keyFor(key.current, fingerprintOf(form.entries(), "idempotencyKey"), randomKey);
      form.set("idempotencyKey", key.current.key);
    },
    // The key makes giving up safe: a retry of a batch that did reach the server is not saved twice.
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  const { timeZone } = useCalendar();
  // The Log pad's default date is today in the organisation's zone, as the server checks it.
  const [today] = useState(() => currentDay(timeZone));
  const form = useRef<HTMLFormElement>(null);
  // A saved batch ends its idempotency key and clears the form for the next one.
  useEffect(() => {
    if (!state?.ok) return;
    key.current = null;
    form.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm">
          Batch saved.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="teamId" label="Team" options={options.teams} error={errors.teamId} />
        <SelectField
          name="behaviourId"
          label="Behaviour"
          options={options.behaviours.map((b) => ({ id: b.id, name: b.title }))}
          placeholder="Choose a behaviour…"
          error={errors.behaviourId}
        />
        <Field
          name="performed"
          label="Performed"
          type="number"
          inputMode="numeric"
          min={0}
          max={1000}
          error={errors.performed}
        />
        <Field
          name="opportunities"
          label="Out of (opportunities)"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          error={errors.opportunities}
        />
        <Field name="occurredOn" label="Date" type="date" defaultValue={today} max={today} error={errors.occurredOn} />
        <Field name="note" label="Note (optional)" maxLength={500} error={errors.note} />
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="anonymous" className="size-5" /> Log anonymously
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save batch"}
      </Button>
    </form>
  );
}

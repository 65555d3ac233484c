"use client";
import { openOccurrenceAction } from "@/lib/actions/rituals";
import type { ActionResult } from "@/lib/schemas/action-result";
import { formatDay } from "@/lib/domain/dates";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { PostButton } from "./ritual-buttons";

/** The next meetings by the schedule, each one click from its agenda; or any other date. */
export function OpenMeetingForm({
  ritualId,
  upcoming,
  today,
}: {
  ritualId: string;
  upcoming: string[];
  today: string;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(openOccurrenceAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <div className="space-y-3">
      {upcoming.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Next meetings">
          {upcoming.map((date, i) => (
            <li key={date}>
              <PostButton
                action={openOccurrenceAction}
                fields={{ ritualId, date }}
                label={`Open the agenda for ${formatDay(date)}`}
                pendingLabel="Opening…"
                variant={i === 0 ? "primary" : "secondary"}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="ritualId" value={ritualId} />
        <Field
          name="date"
          label={upcoming.length > 0 ? "Or another date" : "Meeting date"}
          type="date"
          defaultValue={upcoming.length > 0 ? "" : today}
          error={errors.date}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Opening…" : "Open agenda"}
        </Button>
        <FormError {...feedback} />
      </form>
    </div>
  );
}

"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { useDisplayZone } from "@/components/ui/calendar-context";
import { setOrganizationCalendarAction } from "@/lib/actions/members";
import { WEEK_START_LABELS } from "@/lib/domain/dates";
import type { PendingCalendarChangeDto } from "@/lib/schemas/calendar";
import { type WeekStartsOn } from "@/lib/domain/dates";
import { formatAt } from "@/lib/domain/date-instants";
import { TimeZoneField } from "./time-zone-field";

const WEEK_STARTS = Object.entries(WEEK_START_LABELS).map(([id, name]) => ({ id, name }));

export function CalendarForm({
  timeZone,
  weekStartsOn,
  zones,
  pending: waiting,
}: {
  timeZone: string;
  weekStartsOn: WeekStartsOn;
  zones: readonly string[];
  /** A large organisation's change still waiting for its background job: the form is closed until it is done. */
  pending: PendingCalendarChangeDto | null;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(setOrganizationCalendarAction);
  const zone = useDisplayZone();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const saved = state?.ok ? (state.data.state === "applied" ? "Time zone and week saved." : null) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {waiting && (
        <div
          id="calendar-pending"
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          <p className="font-semibold">
            Changing the time zone to {waiting.timeZone}… requested at {formatAt(waiting.requestedAt, zone, "dateTime")}
            {waiting.requestedBy ? ` by ${waiting.requestedBy}` : ""}.
          </p>
          <p className="mt-1">
            This organisation has many entries, so their days are moved in the background (weeks will start on{" "}
            {WEEK_START_LABELS[waiting.weekStartsOn]}). Until then days and figures follow {timeZone}. The time zone and
            week can be changed again once this is done; whoever asked hears in their inbox.
          </p>
        </div>
      )}
      <fieldset disabled={waiting !== null} aria-describedby={waiting ? "calendar-pending" : undefined}>
        <div className="space-y-3">
          <TimeZoneField
            name="timeZone"
            label="Time zone"
            zones={zones}
            defaultValue={timeZone}
            error={errors.timeZone}
            hint="Where the organisation's days begin: “today”, the Log pad's date, the daily figures and every week. Days already logged keep their date."
          />
          <SelectField
            name="weekStartsOn"
            label="Weeks start on"
            options={WEEK_STARTS}
            defaultValue={String(weekStartsOn)}
            error={errors.weekStartsOn}
          />
        </div>
      </fieldset>
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending || waiting !== null}>
          Save time zone and week
        </Button>
        {!waiting && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {saved}
          </p>
        )}
      </div>
    </form>
  );
}

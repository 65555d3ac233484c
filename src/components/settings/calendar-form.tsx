"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { setOrganizationCalendarAction } from "@/lib/actions/members";
import { WEEK_START_LABELS } from "@/lib/schemas/calendar";
import type { WeekStartsOn } from "@/lib/domain/dates";
import { TimeZoneField } from "./time-zone-field";

const WEEK_STARTS = Object.entries(WEEK_START_LABELS).map(([id, name]) => ({ id, name }));

export function CalendarForm({
  timeZone,
  weekStartsOn,
  zones,
}: {
  timeZone: string;
  weekStartsOn: WeekStartsOn;
  zones: readonly string[];
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(setOrganizationCalendarAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
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
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save time zone and week
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Time zone and week saved." : null}
        </p>
      </div>
    </form>
  );
}

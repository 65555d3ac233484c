"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { TimeZoneField } from "@/components/settings/time-zone-field";
import { setOwnTimeZoneAction } from "@/lib/actions/profile";

export function TimeZoneForm({
  timeZone,
  organisationZone,
  zones,
}: {
  timeZone: string | null;
  organisationZone: string;
  zones: readonly string[];
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(setOwnTimeZoneAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <TimeZoneField
        name="timeZone"
        label="Your time zone"
        zones={zones}
        defaultValue={timeZone ?? ""}
        placeholder={`The organisation's (${organisationZone})`}
        error={errors.timeZone}
        hint="Times are shown to you in this zone. Leave it empty to use your organisation's; days and weeks are always the organisation's."
      />
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save time zone
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Time zone saved." : null}
        </p>
      </div>
    </form>
  );
}

"use client";
import { requestSpotCheckAction } from "@/lib/actions/spot-checks";
import { DEFAULT_SPOT_CHECK_DAYS, MAX_SPOT_CHECK_DAYS, SPOT_CHECK_NOTE_MAX } from "@/lib/domain/spot-checks";
import type { SpotCheckOptionsDto } from "@/lib/schemas/spot-checks";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";

/** A leader asks a second observer to log one behaviour in one team, from a day, for some days. */
export function SpotCheckForm({ options, teamId }: { options: SpotCheckOptionsDto; teamId?: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(requestSpotCheckAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Request a spot check">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="teamId"
          label="Team"
          options={options.teams}
          placeholder="Choose a team"
          defaultValue={teamId && options.teams.some((t) => t.id === teamId) ? teamId : ""}
          error={errors.teamId}
        />
        <SelectField
          name="behaviourId"
          label="Behaviour"
          options={options.behaviours}
          placeholder="Choose a behaviour"
          defaultValue=""
          error={errors.behaviourId}
        />
        <SelectField
          name="observerId"
          label="Second observer"
          options={options.people}
          placeholder="Choose a person"
          defaultValue=""
          error={errors.observerId}
          hint="Anyone in the organisation: they need not be in the team. They can log this behaviour for it during the check."
        />
        <Field name="startsOn" label="First day" type="date" defaultValue={options.today} error={errors.startsOn} />
        <Field
          name="days"
          label="Days"
          inputMode="numeric"
          defaultValue={String(DEFAULT_SPOT_CHECK_DAYS)}
          error={errors.days}
          hint={`A week by default; at most ${MAX_SPOT_CHECK_DAYS}.`}
        />
      </div>
      <TextAreaField
        name="note"
        label="Note for the observer (optional)"
        maxLength={SPOT_CHECK_NOTE_MAX}
        error={errors.note}
      />
      <FormError {...feedback} />
      <Button type="submit" disabled={pending}>
        {pending ? "Requesting…" : "Request spot check"}
      </Button>
    </form>
  );
}

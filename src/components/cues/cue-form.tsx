"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { createCueAction, updateCueAction } from "@/lib/actions/cues";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CheckboxGroup } from "@/components/ui/choice-group";
import { TextLink } from "@/components/ui/text-link";
import { WEEKDAY_LABELS } from "@/lib/domain/rituals";
import { CUE_MESSAGE_MAX } from "@/lib/domain/cues";
import type { CueDto } from "@/lib/schemas/cues";

const DAYS = WEEKDAY_LABELS.map((name, i) => ({ id: String(i + 1), name }));

/** Add a cue to a behaviour, or change one (with its version, so a concurrent change is not overwritten). */
export function CueForm({
  behaviourId,
  webhooks,
  timeZone,
  cue,
}: {
  behaviourId: string;
  webhooks: { id: string; name: string }[];
  timeZone: string;
  cue?: CueDto;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(cue ? updateCueAction : createCueAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const prefix = cue ? `cue-${cue.id}` : "cue-new";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm">
          {cue ? "Cue saved." : "Cue added."}
        </p>
      )}
      <input type="hidden" name="behaviourId" value={behaviourId} />
      {cue && <input type="hidden" name="id" value={cue.id} />}
      {cue && <input type="hidden" name="version" value={cue.version} />}
      <TextAreaField
        id={`${prefix}-message`}
        name="message"
        label="Message"
        hint="A short prompt at the moment of action, e.g. “Before closing a ticket, ask the customer to confirm the fix.”"
        defaultValue={cue?.message}
        maxLength={CUE_MESSAGE_MAX}
        rows={2}
        error={errors.message}
      />
      <CheckboxGroup
        name="weekdays"
        legend="Days"
        options={DAYS}
        selected={cue ? cue.weekdays.map(String) : ["1"]}
        error={errors.weekdays}
      />
      <Field
        id={`${prefix}-time`}
        name="localTime"
        type="time"
        label={`Time (${timeZone})`}
        defaultValue={cue?.localTime ?? "09:00"}
        error={errors.localTime}
      />
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="email"
          defaultChecked={cue ? cue.email : true}
          className="size-4"
          aria-describedby={errors.email ? `${prefix}-email-error` : undefined}
        />
        E-mail the members of the behaviour’s teams
      </label>
      {errors.email && (
        <p id={`${prefix}-email-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors.email}
        </p>
      )}
      {webhooks.length > 0 ? (
        <SelectField
          id={`${prefix}-webhook`}
          name="webhookId"
          label="Webhook (chat channel)"
          options={webhooks}
          placeholder="No webhook"
          defaultValue={cue?.webhookId ?? ""}
          error={errors.webhookId}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          To post cues in a Slack or Teams channel, <TextLink href="/settings/webhooks">add a webhook</TextLink> first.
        </p>
      )}
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={cue ? cue.enabled : true} className="size-4" />
        Enabled
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {cue ? "Save cue" : "Add cue"}
      </Button>
    </form>
  );
}

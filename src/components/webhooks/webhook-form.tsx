"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { createWebhookAction, updateWebhookAction } from "@/lib/actions/webhooks";
import { EVENT_LABELS, FORMATS, FORMAT_LABELS, SUBSCRIBABLE_EVENTS } from "@/lib/domain/webhook-formats";
import type { WebhookDto, WebhookSecretDto } from "@/lib/schemas/webhooks";
import type { ActionResult } from "@/lib/schemas/action-result";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { CheckboxGroup } from "@/components/ui/choice-group";
import { SecretNotice } from "./secret-notice";

const FORMAT_OPTIONS = FORMATS.map((f) => ({ id: f, name: FORMAT_LABELS[f] }));
const EVENT_OPTIONS = SUBSCRIBABLE_EVENTS.map((e) => ({ id: e, name: EVENT_LABELS[e] }));

/** Add a webhook (the secret is shown once afterwards) or change one. */
export function WebhookForm({ teams, webhook }: { teams: { id: string; name: string }[]; webhook?: WebhookDto }) {
  // One form for both: adding answers the secret (shown once), changing answers nothing.
  const action = (webhook ? updateWebhookAction : createWebhookAction) as (
    prev: unknown,
    form: FormData,
  ) => Promise<ActionResult<WebhookSecretDto | undefined>>;
  const [state, onSubmit, pending, feedback] = useFormAction(action);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = !webhook && state?.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-3"
        aria-label={webhook ? "Change webhook" : "Add a webhook"}
      >
        {webhook && (
          <>
            <input type="hidden" name="id" value={webhook.id} />
            <input type="hidden" name="version" value={webhook.version} />
          </>
        )}
        <Field name="name" label="Name" defaultValue={webhook?.name} error={errors.name} maxLength={80} />
        <Field
          name="url"
          label="Receiver address"
          type="url"
          defaultValue={webhook?.url}
          error={errors.url}
          placeholder="https://hooks.slack.com/services/…"
          hint="Slack: an incoming webhook URL. Teams: the URL of a “When a Teams webhook request is received” workflow."
        />
        <SelectField
          name="format"
          label="Format"
          options={FORMAT_OPTIONS}
          defaultValue={webhook?.format ?? "STANDARD"}
          error={errors.format}
        />
        <CheckboxGroup
          name="events"
          legend="Events"
          options={EVENT_OPTIONS}
          selected={webhook?.events ?? [...SUBSCRIBABLE_EVENTS]}
          error={errors.events}
        />
        <SelectField
          name="teamId"
          label="Team channel"
          options={teams}
          placeholder="All teams"
          defaultValue={webhook?.teamId ?? ""}
          error={errors.teamId}
          hint="A team's channel receives only the cues, reminders and recognitions of that team."
        />
        <FormError {...feedback} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : webhook ? "Save changes" : "Add webhook"}
          </Button>
          {webhook && (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              {state?.ok ? "Saved." : null}
            </p>
          )}
        </div>
      </form>
      {created && <SecretNotice secret={created.secret} intro="Webhook added." />}
    </div>
  );
}

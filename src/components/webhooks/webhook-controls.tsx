"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  deleteWebhookAction,
  redeliverAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
  setWebhookEnabledAction,
} from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SecretNotice } from "./secret-notice";

/** Sends a "test" event now and says what happened; the log below shows the delivery. */
export function TestEventButton({ id, name }: { id: string; name: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(sendTestEventAction);
  const result = state?.ok ? (state.data as { status: string; message: string }) : null;
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Send a test event to ${name}`}>
        {pending ? "Sending…" : "Send a test event"}
      </Button>
      <FormError {...feedback} />
      <p role="status" className="text-sm">
        {result ? `Test event ${result.message}` : null}
      </p>
    </form>
  );
}

export function EnableButton({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const [, onSubmit, pending, feedback] = useFormAction(setWebhookEnabledAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={`${enabled ? "Disable" : "Enable"} ${name}`}
      >
        {enabled ? "Disable" : "Enable"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

export function RotateSecretButton({ id }: { id: string }) {
  const [asking, setAsking] = useState(false);
  const [state, onSubmit, pending, feedback] = useFormAction(rotateWebhookSecretAction);
  const secret = state?.ok ? (state.data as { secret: string }).secret : null;
  if (secret) return <SecretNotice secret={secret} intro="New secret made; the old one no longer signs." />;
  if (!asking)
    return (
      <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
        Rotate signing secret
      </Button>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-2 rounded-md border border-amber-300 p-3 dark:border-amber-800">
      <p className="text-sm">Receivers checking the old secret will refuse deliveries until they have the new one.</p>
      <input type="hidden" name="id" value={id} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Rotating…" : "Yes, make a new secret"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Keep the current one
        </Button>
      </div>
      <FormError {...feedback} />
    </form>
  );
}

export function DeleteWebhookButton({ id, name }: { id: string; name: string }) {
  const [asking, setAsking] = useState(false);
  const router = useRouter();
  const [state, onSubmit, pending, feedback] = useFormAction(deleteWebhookAction);
  const deleted = state?.ok === true;
  useEffect(() => {
    if (deleted) router.push("/settings/webhooks");
  }, [deleted, router]);
  if (!asking)
    return (
      <Button type="button" variant="danger" onClick={() => setAsking(true)}>
        Delete webhook
      </Button>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-2 rounded-md border border-red-300 p-3 dark:border-red-800">
      <p className="text-sm">Delete “{name}” and its delivery log? This cannot be undone.</p>
      <input type="hidden" name="id" value={id} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : "Yes, delete it"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
      <FormError {...feedback} />
    </form>
  );
}

export function RedeliverButton({ id }: { id: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(redeliverAction);
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending || state?.ok}>
        {state?.ok ? "Queued" : pending ? "Queuing…" : "Redeliver"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

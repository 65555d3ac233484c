"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { sendMyDigestAction } from "@/lib/actions/digest-preview";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Sends this week's digest to the person now, to see what it holds before Monday morning. */
export function SendDigestButton() {
  const [state, onSubmit, pending, feedback] = useFormAction(sendMyDigestAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2 pt-3">
      <FormError {...feedback} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Send me this week’s digest now
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state.data.keptInOutbox
            ? `Written for ${state.data.sentTo}. This organisation keeps e-mail in its outbox, where an admin can read it.`
            : `Sent to ${state.data.sentTo}.`}
        </p>
      )}
    </form>
  );
}

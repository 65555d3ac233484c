"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { setPrivateWebhooksAction } from "@/lib/actions/webhooks";

export function PrivateAddressesForm({ allowed }: { allowed: boolean }) {
  const [state, onSubmit, pending, feedback] = useFormAction(setPrivateWebhooksAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="allowPrivateWebhooks"
          defaultChecked={allowed}
          className="mt-1 size-4"
          aria-describedby="private-webhooks-hint"
        />
        <span>Allow receivers on private networks and on this server (on-premises installs)</span>
      </label>
      <p id="private-webhooks-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Otherwise webhooks go only to public addresses: loopback, link-local, private and carrier-grade NAT addresses
        are refused, including host names that resolve to them, so a webhook cannot reach the services behind this
        server.
      </p>
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save setting
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Setting saved." : null}
        </p>
      </div>
    </form>
  );
}

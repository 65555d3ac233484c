"use client";
import { cancelSpotCheckAction } from "@/lib/actions/spot-checks";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function CancelSpotCheck({ id }: { id: string }) {
  const [, onSubmit, pending, feedback] = useFormAction(cancelSpotCheckAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Cancel this spot check">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Cancelling stops the observer logging for this team under the check; what they logged stays.
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Cancelling…" : "Cancel spot check"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

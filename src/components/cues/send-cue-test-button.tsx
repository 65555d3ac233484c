"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { sendCueTestAction } from "@/lib/actions/cue-test";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Sends the cue now to its webhook and to the caller's own address, to see what people will get. */
export function SendCueTestButton({ id }: { id: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(sendCueTestAction);
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <FormError {...feedback} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Send a test now
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Sent to {state.data.sentTo.join(" and ")}.
        </p>
      )}
    </form>
  );
}

"use client";
import { useState } from "react";
import { removeRecognitionAction } from "@/lib/actions/recognition";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Remove in two steps: the first click asks, the second removes (for everyone, for good). */
export function RemoveRecognitionButton({ id, own }: { id: string; own: boolean }) {
  const [asking, setAsking] = useState(false);
  const [state, run, pending] = useSafeActionState(removeRecognitionAction, null);
  if (!asking)
    return (
      <Button type="button" variant="ghost" className="text-xs" onClick={() => setAsking(true)}>
        {own ? "Take back" : "Remove"}
      </Button>
    );
  return (
    <form action={run} className="space-y-2" role="group" aria-label="Remove this recognition?">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm">Remove this recognition? It disappears from the feed, the team page and the standup.</p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Removing…" : "Yes, remove it"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

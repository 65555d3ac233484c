"use client";
import { useState } from "react";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { deleteAction } from "@/lib/actions/trash";
import type { TrashType } from "@/lib/domain/trash";
import { Button } from "./button";
import { FormError } from "./field";

/** Delete in two steps: the first click asks, the second deletes (an admin can restore for 30 days). */
export function DeleteButton({ type, id, noun }: { type: TrashType; id: string; noun: string }) {
  const [asking, setAsking] = useState(false);
  const [state, run, pending] = useSafeActionState(deleteAction, null);
  if (!asking) {
    return (
      <Button type="button" variant="danger" onClick={() => setAsking(true)}>
        Delete {noun}
      </Button>
    );
  }
  return (
    <form
      action={run}
      className="space-y-2 rounded-md border border-red-300 p-3 dark:border-red-800"
      role="group"
      aria-label={`Delete this ${noun}?`}
    >
      <p className="text-sm">Delete this {noun}? It disappears for everyone; an admin can restore it within 30 days.</p>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : `Yes, delete ${noun}`}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

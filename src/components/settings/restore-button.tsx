"use client";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { restoreAction } from "@/lib/actions/trash";
import type { TrashType } from "@/lib/domain/trash";
import { Button } from "@/components/ui/button";

/** Restores one item; the page then re-renders without it. */
export function RestoreButton({ type, id, title }: { type: TrashType; id: string; title: string }) {
  const [state, run, pending] = useSafeActionState(restoreAction, null);
  return (
    <form action={run}>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Restore ${title}`}>
        Restore
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.formError}
        </p>
      )}
    </form>
  );
}

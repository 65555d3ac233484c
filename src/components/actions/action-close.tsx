"use client";
import { closeActionItemAction, reopenActionItemAction } from "@/lib/actions/action-items";
import type { ActionResult } from "@/lib/schemas/action-result";
import { useFormAction, useSafeActionState } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-controls";
import { TextLink } from "@/components/ui/text-link";

interface Props {
  id: string;
  version: number;
  status: "OPEN" | "DONE" | "DROPPED";
  /** Why done is not possible yet (an action about a barrier whose removal is not shown yet). */
  doneBlocked: string | null;
  barrierId: string | null;
}

/** Close an action as done or dropped (with a reason), or reopen it; the server re-checks every rule. */
export function ActionCloseForms({ id, version, status, doneBlocked, barrierId }: Props) {
  const [doneState, done, donePending] = useSafeActionState(closeActionItemAction, null);
  const [reopenState, reopen, reopenPending] = useSafeActionState(reopenActionItemAction, null);
  const [dropState, onDrop, dropPending, dropFeedback] = useFormAction<ActionResult<unknown>>(closeActionItemAction);
  const dropErrors = dropState && !dropState.ok ? (dropState.fieldErrors ?? {}) : {};
  const failure = (s: typeof doneState) =>
    s && !s.ok ? (s.formError ?? Object.values(s.fieldErrors ?? {})[0]) : undefined;

  if (status !== "OPEN")
    return (
      <form action={reopen} className="space-y-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" variant="secondary" disabled={reopenPending}>
          {reopenPending ? "Reopening…" : "Reopen action"}
        </Button>
        <FormError message={failure(reopenState)} />
      </form>
    );

  return (
    <div className="space-y-4">
      {doneBlocked ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <p>{doneBlocked}</p>
          {barrierId && (
            <p className="mt-2">
              <TextLink href={`/barriers/${barrierId}`}>Go to the barrier to record its before/after evidence</TextLink>
            </p>
          )}
        </div>
      ) : (
        <form action={done} className="space-y-2">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="status" value="DONE" />
          <Button type="submit" disabled={donePending}>
            {donePending ? "Saving…" : "Mark done"}
          </Button>
          <FormError message={failure(doneState)} />
        </form>
      )}
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-semibold">Drop this action</summary>
        <form onSubmit={onDrop} noValidate className="mt-3 space-y-3">
          <FormError {...dropFeedback} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="status" value="DROPPED" />
          <TextAreaField
            name="reason"
            label="Why is it dropped?"
            error={dropErrors.reason}
            rows={2}
            maxLength={500}
            hint="Required: the next meeting reads why, instead of wondering."
          />
          <Button type="submit" variant="danger" disabled={dropPending}>
            {dropPending ? "Saving…" : "Drop action"}
          </Button>
        </form>
      </details>
    </div>
  );
}

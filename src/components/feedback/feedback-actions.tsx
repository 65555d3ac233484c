"use client";
import { useState } from "react";
import { deleteFeedbackAction, markFeedbackStoryAction } from "@/lib/actions/feedback";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Marks the item as a customer story for check-ins, or takes the mark off. */
export function StoryToggle({ id, isStory }: { id: string; isStory: boolean }) {
  const [state, run, pending] = useSafeActionState(markFeedbackStoryAction, null);
  return (
    <form action={run}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="isStory" value={isStory ? "false" : "true"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {isStory ? "Unmark as story" : "Mark as story"}
      </Button>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

/** Deletes in two steps. A quote is the customer's words: once deleted, it is gone. */
export function DeleteFeedbackButton({ id }: { id: string }) {
  const [asking, setAsking] = useState(false);
  const [state, run, pending] = useSafeActionState(deleteFeedbackAction, null);
  if (!asking)
    return (
      <Button type="button" variant="danger" onClick={() => setAsking(true)}>
        Delete feedback
      </Button>
    );
  return (
    <form
      action={run}
      className="space-y-2 rounded-md border border-red-300 p-3 dark:border-red-800"
      role="group"
      aria-label="Delete this feedback?"
    >
      <p className="text-sm">
        Delete this feedback? It disappears for everyone, with its links, and cannot be restored.
      </p>
      <input type="hidden" name="id" value={id} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : "Yes, delete feedback"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

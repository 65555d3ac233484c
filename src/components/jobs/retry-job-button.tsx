"use client";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { retryJobAction } from "@/lib/actions/jobs";
import { Button } from "@/components/ui/button";

/** Puts one failed job back in its queue; the page then shows it waiting. */
export function RetryJobButton({ jobId, label }: { jobId: string; label: string }) {
  const [state, run, pending] = useSafeActionState(retryJobAction, null);
  return (
    <form action={run}>
      <input type="hidden" name="jobId" value={jobId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Retry: ${label}`}>
        Retry
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {state.formError}
        </p>
      )}
    </form>
  );
}

import type { BarrierOptionsDto } from "@/lib/schemas/barriers";
import { BarrierForm } from "@/components/barriers/barrier-form";

/**
 * "Turn into a barrier": the barrier form, with the chosen feedback linked to the new barrier as its
 * customer evidence (one transaction). For the feedback page and a clinic's agenda: `occurrenceId`
 * names the meeting (checked to be this organisation's) and `backHref` is where Cancel goes.
 */
export function TurnIntoBarrier({
  feedbackIds,
  quotes,
  behaviourIds = [],
  teamIds = [],
  options,
  occurrenceId,
  backHref,
}: {
  feedbackIds: string[];
  /** The quotes, written into the barrier's evidence to start with. */
  quotes: string[];
  behaviourIds?: string[];
  teamIds?: string[];
  options: BarrierOptionsDto;
  occurrenceId?: string;
  backHref: string;
}) {
  return (
    <details className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-semibold">Turn into a barrier</summary>
      <p className="my-3 text-sm text-slate-600 dark:text-slate-400">
        A pain point customers name is often a barrier to a behaviour. Describe it as people meet it; the feedback is
        linked to the barrier as evidence.
      </p>
      <BarrierForm
        mode="feedback"
        feedbackIds={feedbackIds}
        occurrenceId={occurrenceId}
        backHref={backHref}
        canScore
        options={options}
        initial={{
          evidence: quotes
            .map((q) => `“${q}”`)
            .join("\n")
            .slice(0, 4000),
          behaviourIds: behaviourIds.filter((id) => options.behaviours.some((b) => b.id === id)),
          teamIds: teamIds.filter((id) => options.teams.some((t) => t.id === id)),
        }}
      />
    </details>
  );
}

import type { SpotCheckComparison } from "@/lib/domain/spot-checks";

const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);

function Rate({ label, testId, side }: { label: string; testId: string; side: SpotCheckComparison["observer"] }) {
  return (
    <div
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <h3 className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</h3>
      <p className="text-3xl font-semibold tabular-nums">{pct(side.rate)}</p>
      <p className="text-sm tabular-nums">
        {side.performed} performed of {side.opportunities} observed
      </p>
    </div>
  );
}

/** The two rates side by side with their counts, and what the test says in plain words. */
export function SpotCheckRates({
  comparison,
  observerName,
  teamName,
}: {
  comparison: SpotCheckComparison;
  observerName: string;
  teamName: string;
}) {
  return (
    <section aria-labelledby="rates" className="max-w-3xl space-y-3">
      <h2 id="rates" className="text-lg font-semibold">
        Two rates, same behaviour, same days
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Rate label={`Second observer (${observerName})`} testId="observer-rate" side={comparison.observer} />
        <Rate label={`${teamName}'s other entries`} testId="team-rate" side={comparison.team} />
      </div>
      <p className="text-sm" data-testid="spot-check-summary">
        {comparison.summary}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The team&apos;s entries include anonymous ones. The test compares performed and missed in the two sets (the N−1
        chi-square, or Fisher&apos;s exact test when a group is small), as in the barrier analysis; a significant gap is
        a reason to look closer, not proof.
      </p>
    </section>
  );
}

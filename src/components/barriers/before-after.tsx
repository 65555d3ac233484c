import { formatRate, MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import type { BeforeAfter } from "@/lib/domain/interventions";
import { formatDay } from "@/lib/domain/dates";

function Rate({
  label,
  a,
  window,
}: {
  label: string;
  a: BeforeAfter["before"];
  window?: { from: string; to: string };
}) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">
        {label}
        {window && ` (${formatDay(window.from)} – ${formatDay(window.to)})`}
      </dt>
      <dd className="text-lg font-semibold tabular-nums">
        {formatRate(a.rate)}{" "}
        <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
          ({a.performed} of {a.opportunities} opportunities)
        </span>
      </dd>
    </div>
  );
}

/** Adoption before and after an intervention started, with the counts behind each rate. */
export function BeforeAfterFigures({
  result,
  windows,
  testId,
}: {
  result: BeforeAfter;
  windows?: { before: { from: string; to: string }; after: { from: string; to: string } } | null;
  testId?: string;
}) {
  return (
    <dl className="grid gap-3 sm:grid-cols-3" data-testid={testId}>
      <Rate label="Before" a={result.before} window={windows?.before} />
      <Rate label="After" a={result.after} window={windows?.after} />
      <div>
        <dt className="text-xs text-slate-600 dark:text-slate-400">Change</dt>
        <dd className="text-lg font-semibold tabular-nums">
          {result.changePts === null ? (
            <span className="text-sm font-normal">needs {MIN_OPPORTUNITIES}+ opportunities each side</span>
          ) : (
            `${result.changePts > 0 ? "+" : ""}${result.changePts} points`
          )}
        </dd>
      </div>
    </dl>
  );
}

import type { InterventionComparisonDto } from "@/lib/schemas/barrier-citations";
import { formatDay } from "@/lib/domain/dates";
import { formatP } from "@/lib/domain/surveys";
import { HiddenFigures } from "@/components/privacy/suppressed-notice";

const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);

/** Teams where each intervention ran against the others, since its start: labelled as observational. */
export function InterventionComparison({ rows }: { rows: InterventionComparisonDto[] }) {
  if (rows.length === 0) return null;
  return (
    <div
      className="space-y-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800"
      data-testid="intervention-comparison"
    >
      <p className="font-medium">Teams with the intervention against teams without, since it started</p>
      <ul className="space-y-1">
        {rows.map((r) => (
          <li key={r.interventionId} className="tabular-nums">
            <span className="font-medium">{r.title}</span> ({formatDay(r.from)} – {formatDay(r.to)}):{" "}
            {r.suppressed ? (
              <>
                {r.hiddenSide === "without" ? "the teams without it: " : "the teams with it: "}
                <HiddenFigures reason={r.suppressed} />, so neither side is shown
              </>
            ) : (
              <>
                with it {pct(r.withIt.rate)} ({r.withIt.performed} of {r.withIt.performed + r.withIt.missed}), without{" "}
                {pct(r.without.rate)} ({r.without.performed} of {r.without.performed + r.without.missed})
                {r.test
                  ? ` · p ${formatP(r.pValue!)} (${r.test}) · ${r.significant ? "a significant difference" : "no significant difference"}`
                  : " · nothing to compare yet (one side logged nothing)"}
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Observational evidence, not an experiment: teams were not assigned to the intervention at random, so a
        difference may have other causes (the teams, their work, who logs).
      </p>
    </div>
  );
}

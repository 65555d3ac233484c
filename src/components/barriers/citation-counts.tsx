import type { CitationCountsDto } from "@/lib/schemas/barrier-citations";

const pct = (n: number, d: number) => (d > 0 ? `${Math.round((n / d) * 100)}%` : "–");

/** How often members cited the barrier when they logged a miss: evidence beside its score. */
export function CitationCounts({ counts, weeks }: { counts: CitationCountsDto; weeks: number }) {
  const hidden =
    counts.hiddenTeams > 0 ? (
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="citations-hidden">
        {counts.hiddenTeams === 1 ? "1 team" : `${counts.hiddenTeams} teams`} that cited it{" "}
        {counts.hiddenTeams === 1 ? "is" : "are"} not counted here: too few people to show.
      </p>
    ) : null;
  if (counts.rows.length === 0 && counts.hiddenTeams > 0) return hidden;
  if (counts.rows.length === 0)
    return (
      <div className="space-y-1">
        <p className="text-sm" data-testid="barrier-citations">
          Not cited on a missed entry in the last {weeks} weeks
          {counts.total > 0 ? ` (${counts.total} citations before that)` : ""}. Members can cite it on the Log pad when
          they tap Missed on one of its behaviours.
        </p>
        {hidden}
      </div>
    );
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="barrier-citations">
          <caption className="sr-only">Citations on missed entries by team</caption>
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="p-2 font-medium">
                Team
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                Last 4 weeks
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                Last {weeks} weeks
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                Share of missed entries ({weeks} wk)
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {counts.rows.map((r) => (
              <tr key={r.teamId ?? "all"} className={r.teamId ? "" : "font-semibold"}>
                <th scope="row" className="p-2 font-normal">
                  {r.team}
                </th>
                <td className="p-2 text-right tabular-nums">{r.last4}</td>
                <td className="p-2 text-right tabular-nums">{r.last12}</td>
                <td className="p-2 text-right tabular-nums">
                  {r.last12} of {r.missed12} ({pct(r.last12, r.missed12)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {counts.total} {counts.total === 1 ? "citation" : "citations"} in all. Missed entries count those of the
        barrier’s behaviours in each team; members choose whether to say what got in the way, so shares are a floor.
      </p>
      {hidden}
    </div>
  );
}

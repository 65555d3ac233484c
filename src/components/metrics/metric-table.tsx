import type { MetricRowDto } from "@/lib/schemas/metrics";
import { TIMING_LABELS } from "@/lib/schemas/metrics";
import { KindBadge, MetricStatus } from "./metric-badges";
import { formatValue } from "./metric-labels";
import { formatDay } from "@/lib/domain/dates";
import { TextLink } from "@/components/ui/text-link";

/** The metrics as a table; on phones the target moves under the status (the table keeps four columns). */
export function MetricTable({ rows }: { rows: MetricRowDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" data-testid="metric-table">
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="p-2 font-medium">
              Metric
            </th>
            <th scope="col" className="p-2 font-medium">
              Latest
            </th>
            <th scope="col" className="hidden p-2 font-medium sm:table-cell">
              Target
            </th>
            <th scope="col" className="p-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((m) => (
            <tr key={m.id} className="align-top">
              <th scope="row" className="p-2 font-normal">
                <TextLink href={`/metrics/${m.id}`} className="font-medium">
                  {m.name}
                </TextLink>
                <div className="mt-1 flex flex-wrap items-center gap-1">
                  <KindBadge kind={m.kind} />
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {TIMING_LABELS[m.timing].toLowerCase()}
                  </span>
                </div>
                <p className="mt-1 text-xs">
                  {m.ownerName ? (
                    <span className="text-slate-600 dark:text-slate-400">Owner: {m.ownerName}</span>
                  ) : (
                    <span className="font-medium text-amber-800 dark:text-amber-300">⚠ No owner</span>
                  )}
                  <span className="text-slate-600 dark:text-slate-400">
                    {" · "}
                    {m.behaviourTitles.length === 1 ? "1 behaviour" : `${m.behaviourTitles.length} behaviours`}
                  </span>
                </p>
              </th>
              <td className="p-2 tabular-nums">
                {m.latest ? (
                  <>
                    <span className="whitespace-nowrap font-medium">{formatValue(m.latest.value, m.unit)}</span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {m.derivedFrom ? `week of ${formatDay(m.latest.date)}` : formatDay(m.latest.date)}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">No readings</span>
                )}
              </td>
              <td className="hidden p-2 sm:table-cell">
                {m.target ?? <span className="text-slate-600 dark:text-slate-400">None</span>}
              </td>
              <td className="p-2">
                <MetricStatus verdict={m.verdict} />
                {m.target && <p className="mt-1 text-xs sm:hidden">Target: {m.target}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { formatValue } from "./metric-labels";
import { formatDay } from "@/lib/domain/dates";

/** Readings newest first; `team` adds a column for readings taken per team. */
export function ReadingsTable({
  caption,
  rows,
  unit,
  weekly = false,
  testId,
}: {
  caption: string;
  rows: { date: string; value: number; team?: string }[];
  unit: string;
  weekly?: boolean;
  testId?: string;
}) {
  const withTeam = rows.some((r) => r.team !== undefined);
  return (
    // Focusable, so a keyboard can scroll a long list of readings (axe: scrollable-region-focusable).
    <div
      className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="w-full text-left text-sm tabular-nums" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="p-2 font-medium">
              {weekly ? "Week of" : "Date"}
            </th>
            {withTeam && (
              <th scope="col" className="p-2 font-medium">
                Team
              </th>
            )}
            <th scope="col" className="p-2 text-right font-medium">
              Value
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {[...rows].reverse().map((r) => (
            <tr key={`${r.date}/${r.team ?? ""}`}>
              <td className="p-2">{formatDay(r.date)}</td>
              {withTeam && <td className="p-2">{r.team}</td>}
              <td className="p-2 text-right">{formatValue(r.value, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { adoptionTrend, type WeekPoint } from "@/lib/domain/observations";
import { MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import { formatDay } from "@/lib/domain/dates";

const TREND_WORDS = {
  rising: "Rising",
  falling: "Falling",
  flat: "Flat",
  unknown: "Not enough data for a trend",
} as const;

/**
 * Weekly adoption as bars (no chart library: this page must stay light), with the number of
 * opportunities behind each week. Weeks under the minimum show "not enough data", never 0%.
 */
export function AdoptionWeeks({ points }: { points: WeekPoint[] }) {
  const { trend, perWeek } = adoptionTrend(points);
  return (
    <figure>
      <figcaption className="mb-2 text-sm">
        Trend: <strong data-testid="adoption-trend">{TREND_WORDS[trend]}</strong>
        {perWeek !== null && ` (${perWeek >= 0 ? "+" : ""}${(perWeek * 100).toFixed(1)} points a week)`} · weeks with
        fewer than {MIN_OPPORTUNITIES} opportunities show no rate.
      </figcaption>
      <div aria-hidden className="flex h-32 items-end gap-0.5 border-b border-slate-300 dark:border-slate-700">
        {points.map((p) => (
          <div
            key={p.weekStart}
            className="flex h-full flex-1 flex-col justify-end"
            title={`${formatDay(p.weekStart)}: ${p.rate === null ? "not enough data" : `${Math.round(p.rate * 100)}%`} (${p.opportunities} opportunities)`}
          >
            {p.rate === null ? (
              <div className="h-1 bg-slate-200 dark:bg-slate-700" />
            ) : (
              <div className="bg-brand-600" style={{ height: `${Math.max(2, p.rate * 100)}%` }} />
            )}
          </div>
        ))}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Weekly figures</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid="adoption-table">
          <thead>
            <tr>
              <th scope="col" className="py-1 font-medium">
                Week of
              </th>
              <th scope="col" className="py-1 font-medium">
                Adoption
              </th>
              <th scope="col" className="py-1 font-medium">
                Performed / opportunities
              </th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.weekStart}>
                <td className="py-0.5">{formatDay(p.weekStart)}</td>
                <td className="py-0.5">{p.rate === null ? "not enough data" : `${Math.round(p.rate * 100)}%`}</td>
                <td className="py-0.5">
                  {p.performed} / {p.opportunities}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

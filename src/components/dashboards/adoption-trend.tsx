import type { WeekPoint } from "@/lib/domain/observations";
import { MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SvgLineChart } from "@/components/charts/svg-line-chart";
import { chartDayLabel, formatDay, formatDayRange } from "@/lib/domain/dates";

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** Weekly adoption; weeks under the minimum have no point (a gap, not a 0%). */
export function AdoptionTrend({
  points,
  title = "Adoption trend",
  description,
}: {
  points: WeekPoint[];
  title?: string;
  description?: string;
}) {
  const weeks = points.map((p) => p.weekStart);
  const label = chartDayLabel(weeks);
  const csv = points.map((p) => [p.weekStart, p.performed, p.opportunities, pct(p.rate) ?? ""]);
  return (
    <ChartFrame
      units="adoption %"
      range={weeks.length ? `weeks starting ${formatDayRange(weeks)}` : undefined}
      title={title}
      description={
        description ??
        `Performed ÷ opportunities per week; weeks with fewer than ${MIN_OPPORTUNITIES} opportunities show no point.`
      }
      file="adoption-trend"
      table={{
        columns: ["week", "performed", "opportunities", "adoption_pct"],
        rows: csv.map(([week, ...rest]) => [formatDay(String(week)), ...rest]),
        csv,
      }}
      testId="adoption-trend"
    >
      {/* Plain SVG, not recharts: the overview opens with this chart, and a phone should not run a chart library for one line. */}
      <SvgLineChart points={points.map((p) => ({ label: label(p.weekStart), value: pct(p.rate) }))} />
    </ChartFrame>
  );
}

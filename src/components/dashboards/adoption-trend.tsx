import type { WeekPoint } from "@/lib/domain/observations";
import { MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SvgLineChart } from "@/components/charts/svg-line-chart";

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
  return (
    <ChartFrame
      title={title}
      description={
        description ??
        `Performed ÷ opportunities per week; weeks with fewer than ${MIN_OPPORTUNITIES} opportunities show no point.`
      }
      file="adoption-trend"
      table={{
        columns: ["week", "performed", "opportunities", "adoption_pct"],
        rows: points.map((p) => [p.weekStart, p.performed, p.opportunities, pct(p.rate) ?? ""]),
      }}
      testId="adoption-trend"
    >
      {/* Plain SVG, not recharts: the overview opens with this chart, and a phone should not run a chart library for one line. */}
      <SvgLineChart points={points.map((p) => ({ label: p.weekStart.slice(5), value: pct(p.rate) }))} />
    </ChartFrame>
  );
}

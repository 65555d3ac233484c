"use client";
import type { WeekPoint } from "@/lib/domain/observations";
import type { WeeklyValue } from "@/lib/domain/outcomes";
import { chartDayLabel, formatDay, formatDayRange } from "@/lib/domain/dates";
import { ChartFrame } from "@/components/charts/chart-frame";
import { WeeklyLine } from "@/components/charts/lazy-charts";

const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

/**
 * The behaviour's weekly adoption and the metric's weekly mean on one time axis, each on its own y-axis. Two scales
 * side by side invite reading a 42–54 % metric against a 0–100 % adoption as if they were one; so both axes are
 * titled and the text says plainly that the scales differ and what each runs over.
 */
export function OutcomeChart({
  adoption,
  metric,
  name,
  unit,
}: {
  adoption: WeekPoint[];
  metric: WeeklyValue[];
  name: string;
  unit: string;
}) {
  const byWeek = new Map(metric.map((m) => [m.weekStart, m.value]));
  const rows = adoption.map((p) => ({
    weekStart: p.weekStart,
    adoption: round(p.rate === null ? null : p.rate * 100),
    metric: round(byWeek.get(p.weekStart)),
  }));
  const weeks = rows.map((r) => r.weekStart);
  const label = chartDayLabel(weeks);
  const values = rows.flatMap((r) => (r.metric === null ? [] : [r.metric]));
  const metricSpan = values.length ? `${Math.min(...values)}–${Math.max(...values)} ${unit}` : `no readings`;
  const csv = rows.map((r) => [r.weekStart, r.adoption ?? "", r.metric ?? ""]);
  return (
    <ChartFrame
      title={`Adoption and ${name}`}
      description={
        <>
          Weekly adoption (left axis, 0–100 %) and the metric&apos;s weekly mean (right axis, in {unit}).{" "}
          <strong data-testid="scales-differ">
            The two axes have different scales: the right axis fits the metric&apos;s own range ({metricSpan}), so
            compare the shapes of the lines over time, not their heights.
          </strong>
        </>
      }
      units={`adoption % (left axis), ${unit} (right axis)`}
      range={weeks.length ? `weeks starting ${formatDayRange(weeks)}` : undefined}
      file="behaviour-outcome"
      table={{
        columns: ["week", "adoption_pct", `${name} (${unit})`],
        rows: csv.map(([week, ...rest]) => [formatDay(String(week)), ...rest]),
        csv,
      }}
      testId="outcome-chart"
    >
      <WeeklyLine
        data={rows.map((r) => ({ week: label(r.weekStart), adoption: r.adoption, metric: r.metric }))}
        series={[
          { key: "adoption", label: "Adoption (%)", colour: "#2563eb" },
          { key: "metric", label: `${name} (${unit})`, colour: "#d97706", axis: "right" },
        ]}
        leftUnit="%"
        leftDomain={[0, 100]}
        leftLabel="Adoption (%)"
        rightUnit={unit.length <= 3 ? unit : undefined}
        rightLabel={unit}
      />
    </ChartFrame>
  );
}

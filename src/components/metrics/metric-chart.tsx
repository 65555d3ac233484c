"use client";
import { chartDayLabel, formatDay, formatDayRange } from "@/lib/domain/dates";
import { ChartFrame } from "@/components/charts/chart-frame";
import { WeeklyLine } from "@/components/charts/lazy-charts";

/** The metric's readings over time, with its target as a dashed line. */
export function MetricChart({
  name,
  unit,
  readings,
  target,
}: {
  name: string;
  unit: string;
  readings: { date: string; value: number }[];
  target: number | null;
}) {
  const days = readings.map((r) => r.date);
  const label = chartDayLabel(days);
  return (
    <ChartFrame
      title={`${name} over time`}
      description={target === null ? undefined : `Dashed line: the target, ${target} ${unit}.`}
      units={unit}
      range={days.length ? formatDayRange(days) : undefined}
      file="metric-readings"
      table={{
        columns: ["date", `value (${unit})`],
        rows: readings.map((r) => [formatDay(r.date), r.value]),
        csv: readings.map((r) => [r.date, r.value]),
      }}
      testId="metric-chart"
    >
      <WeeklyLine
        data={readings.map((r) => ({ week: label(r.date), value: r.value }))}
        series={[{ key: "value", label: `${name} (${unit})`, colour: "#059669" }]}
        leftUnit={unit.length <= 3 ? unit : undefined}
        leftLabel={unit}
        reference={target === null ? undefined : { y: target, label: "target" }}
      />
    </ChartFrame>
  );
}

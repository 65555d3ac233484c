"use client";
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
  return (
    <ChartFrame
      title={`${name} over time`}
      description={target === null ? undefined : `Dashed line: the target, ${target} ${unit}.`}
      file="metric-readings"
      table={{ columns: ["date", `value (${unit})`], rows: readings.map((r) => [r.date, r.value]) }}
      testId="metric-chart"
    >
      <WeeklyLine
        data={readings.map((r) => ({ week: r.date.slice(2), value: r.value }))}
        series={[{ key: "value", label: `${name} (${unit})`, colour: "#059669" }]}
        reference={target === null ? undefined : { y: target, label: "target" }}
      />
    </ChartFrame>
  );
}

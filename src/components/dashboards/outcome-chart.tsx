"use client";
import type { WeekPoint } from "@/lib/domain/observations";
import type { WeeklyValue } from "@/lib/domain/outcomes";
import { ChartFrame } from "@/components/charts/chart-frame";
import { WeeklyLine } from "@/components/charts/lazy-charts";

const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

/** The behaviour's weekly adoption and the metric's weekly mean on one time axis (two y-axes). */
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
  return (
    <ChartFrame
      title={`Adoption and ${name}`}
      description="Weekly adoption (left axis, %) and the metric's weekly mean (right axis)."
      file="behaviour-outcome"
      table={{
        columns: ["week", "adoption_pct", `${name} (${unit})`],
        rows: rows.map((r) => [r.weekStart, r.adoption ?? "", r.metric ?? ""]),
      }}
      testId="outcome-chart"
    >
      <WeeklyLine
        data={rows.map((r) => ({ week: r.weekStart.slice(5), adoption: r.adoption, metric: r.metric }))}
        series={[
          { key: "adoption", label: "Adoption (%)", colour: "#2563eb" },
          { key: "metric", label: `${name} (${unit})`, colour: "#d97706", axis: "right" },
        ]}
        leftUnit="%"
        leftDomain={[0, 100]}
        rightUnit={unit.length <= 3 ? unit : undefined}
      />
    </ChartFrame>
  );
}

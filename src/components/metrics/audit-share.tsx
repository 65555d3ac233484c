"use client";
import type { AuditPoint } from "@/lib/domain/outcomes";
import { ChartFrame } from "@/components/charts/chart-frame";
import { StackedBars } from "@/components/charts/lazy-charts";
import { formatShare } from "./metric-labels";
import { formatMonth } from "@/lib/domain/dates";

/** Metrics tracked at the end of each month by kind (customer green, internal grey), with the table, CSV and PNG. */
export function AuditShare({ points }: { points: AuditPoint[] }) {
  return (
    <ChartFrame
      title="Customer-outcome and internal-process metrics by month"
      description="Metrics tracked at the end of each month."
      units="number of metrics"
      range={points.length ? `${formatMonth(points[0]!.month)} – ${formatMonth(points.at(-1)!.month)}` : undefined}
      file="metrics-audit"
      table={{
        columns: ["month", "customer", "internal", "customer_share"],
        rows: points.map((p) => [formatMonth(p.month), p.customer, p.internal, formatShare(p.customerShare)]),
        csv: points.map((p) => [p.month, p.customer, p.internal, formatShare(p.customerShare)]),
      }}
      testId="audit-chart"
    >
      <StackedBars
        xKey="month"
        data={points.map((p) => ({ month: formatMonth(p.month), customer: p.customer, internal: p.internal }))}
        series={[
          { key: "customer", label: "Customer outcome", colour: "#059669" },
          { key: "internal", label: "Internal process", colour: "#94a3b8" },
        ]}
      />
    </ChartFrame>
  );
}

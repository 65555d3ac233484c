"use client";
import dynamic from "next/dynamic";
import type { ParetoPoint } from "@/lib/domain/barriers";
import { currentDay, formatDay } from "@/lib/domain/dates";
import { useCalendar } from "@/components/ui/calendar-context";
import { ChartFrame } from "@/components/charts/chart-frame";

// The chart library loads only on pages that draw a chart, and after the table is on screen.
const Chart = dynamic(() => import("./pareto-chart"), { ssr: false, loading: () => <div className="h-96" /> });

/** The Pareto chart and, for screen readers and exact figures, the same data as a table; CSV and PNG downloads. */
export function Pareto({ points }: { points: ParetoPoint[] }) {
  const { timeZone } = useCalendar();
  return (
    <ChartFrame
      title="Pareto: barriers by priority"
      description="Bars: each barrier's priority, highest first; line: the cumulative share of the total (dashed line at 80%)."
      units="priority score (left axis), cumulative % of the total (right axis)"
      range={`as of ${formatDay(currentDay(timeZone))}`}
      file="barrier-pareto"
      table={{
        columns: ["rank", "barrier", "priority", "cumulative_pct"],
        rows: points.map((p, i) => [i + 1, p.label, p.score, p.cumulativePct]),
      }}
      testId="pareto"
    >
      <Chart points={points} />
    </ChartFrame>
  );
}

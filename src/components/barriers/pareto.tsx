"use client";
import dynamic from "next/dynamic";
import type { ParetoPoint } from "@/lib/domain/barriers";
import { currentDay, formatDay } from "@/lib/domain/dates";
import { useCalendar } from "@/components/ui/calendar-context";
import { ChartFrame } from "@/components/charts/chart-frame";

// The chart library loads only on pages that draw a chart, and after the table is on screen.
const Chart = dynamic(() => import("./pareto-chart"), { ssr: false, loading: () => <div className="h-96" /> });

/** The Pareto chart and, for screen readers and exact figures, the same data as a table; CSV and PNG downloads. */
export function Pareto({ points, by = "priority" }: { points: ParetoPoint[]; by?: "priority" | "citations" }) {
  const { timeZone } = useCalendar();
  return (
    <ChartFrame
      title={by === "citations" ? "Pareto: barriers by citations" : "Pareto: barriers by priority"}
      description={
        by === "citations"
          ? "Bars: how often each barrier was cited on missed entries in the last 12 weeks, most first; line: the cumulative share of all citations (dashed line at 80%)."
          : "Bars: each barrier's priority, highest first; line: the cumulative share of the total (dashed line at 80%)."
      }
      units={`${by === "citations" ? "citations" : "priority score"} (left axis), cumulative % of the total (right axis)`}
      range={`as of ${formatDay(currentDay(timeZone))}`}
      file="barrier-pareto"
      table={{
        columns: ["rank", "barrier", by, "cumulative_pct"],
        rows: points.map((p, i) => [i + 1, p.label, p.score, p.cumulativePct]),
      }}
      testId="pareto"
    >
      <Chart points={points} />
    </ChartFrame>
  );
}

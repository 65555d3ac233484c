"use client";
import type { WeekPoint } from "@/lib/domain/observations";
import { MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import { ChartFrame } from "@/components/charts/chart-frame";
import { WeeklyLine } from "@/components/charts/lazy-charts";

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** Weekly adoption; weeks under the minimum have no point (a gap, not a 0%). */
export function AdoptionTrend({ points, title = "Adoption trend", description }: { points: WeekPoint[]; title?: string; description?: string }) {
  return (
    <ChartFrame
      title={title}
      description={description ?? `Performed ÷ opportunities per week; weeks with fewer than ${MIN_OPPORTUNITIES} opportunities show no point.`}
      file="adoption-trend"
      table={{ columns: ["week", "performed", "opportunities", "adoption_pct"], rows: points.map((p) => [p.weekStart, p.performed, p.opportunities, pct(p.rate) ?? ""]) }}
      testId="adoption-trend"
    >
      <WeeklyLine data={points.map((p) => ({ week: p.weekStart.slice(5), adoption: pct(p.rate) }))} series={[{ key: "adoption", label: "Adoption", colour: "#2563eb" }]} leftUnit="%" leftDomain={[0, 100]} />
    </ChartFrame>
  );
}

"use client";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ParetoPoint } from "@/lib/domain/barriers";

/** Bars: each barrier's priority, highest first; line: the running share of the total (right axis). */
export default function ParetoChart({ points }: { points: ParetoPoint[] }) {
  const data = points.map((p, i) => ({ ...p, rank: String(i + 1) }));
  return (
    <div className="h-64 w-full" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis
            dataKey="rank"
            tick={{ fontSize: 12 }}
            label={{ value: "Barrier (by rank)", position: "insideBottom", offset: -4, fontSize: 12 }}
          />
          <YAxis
            yAxisId="score"
            domain={[0, 125]}
            ticks={[0, 25, 50, 75, 100, 125]}
            tick={{ fontSize: 12 }}
            width={36}
          />
          <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={44} />
          <Tooltip
            formatter={(value, name) =>
              name === "cumulativePct" ? [`${value}%`, "Cumulative share"] : [value, "Priority"]
            }
            labelFormatter={(rank) => data[Number(rank) - 1]?.label ?? ""}
          />
          <Bar yAxisId="score" dataKey="score" fill="#4f46e5" isAnimationActive={false} />
          <Line
            yAxisId="pct"
            dataKey="cumulativePct"
            stroke="#d97706"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <ReferenceLine yAxisId="pct" y={80} stroke="#94a3b8" strokeDasharray="4 4" />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

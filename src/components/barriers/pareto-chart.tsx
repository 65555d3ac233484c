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

const NAME_CHARS = 26;
const short = (s: string) => (s.length > NAME_CHARS ? `${s.slice(0, NAME_CHARS - 1)}…` : s);

/**
 * Under each bar, its rank and the barrier's name (slanted, so names fit beside each other; cut short with "…" and
 * whole on hover), not a bare rank to look up in the table.
 */
function NameTick({ x, y, payload, data }: { x?: number; y?: number; payload?: { value: string }; data: Row[] }) {
  const row = data[Number(payload?.value) - 1];
  if (!row) return null;
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`} data-barrier-name={row.label}>
      <text x={0} y={0} dy={10} textAnchor="end" transform="rotate(-35)" fontSize={11} fill="#334155">
        <title>{`${row.rank}. ${row.label}`}</title>
        {`${row.rank}. ${short(row.label)}`}
      </text>
    </g>
  );
}

type Row = ParetoPoint & { rank: string };

/** Bars: each barrier's priority, highest first; line: the running share of the total (right axis). */
export default function ParetoChart({ points }: { points: ParetoPoint[] }) {
  const data: Row[] = points.map((p, i) => ({ ...p, rank: String(i + 1) }));
  return (
    <div className="h-96 w-full" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 48 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="rank" interval={0} height={130} tick={<NameTick data={data} />} />
          <YAxis
            yAxisId="score"
            domain={[0, 125]}
            ticks={[0, 25, 50, 75, 100, 125]}
            tick={{ fontSize: 12 }}
            width={56}
            label={{ value: "Priority", angle: -90, position: "insideLeft", fontSize: 12 }}
          />
          <YAxis
            yAxisId="pct"
            orientation="right"
            domain={[0, 100]}
            unit="%"
            tick={{ fontSize: 12 }}
            width={64}
            label={{ value: "Cumulative share", angle: 90, position: "insideRight", fontSize: 12 }}
          />
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

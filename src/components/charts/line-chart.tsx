"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface LineSeries {
  key: string;
  label: string;
  colour: string;
  axis?: "left" | "right";
}

/** Weekly series on one time axis; a second y-axis on the right when a series asks for it; an optional target line. */
export default function WeeklyLineChart({
  data,
  series,
  leftUnit,
  rightUnit,
  leftDomain,
  reference,
}: {
  data: Record<string, string | number | null>[];
  series: LineSeries[];
  leftUnit?: string;
  rightUnit?: string;
  leftDomain?: [number, number];
  reference?: { y: number; label: string };
}) {
  const right = series.some((s) => s.axis === "right");
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="week" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis
            yAxisId="left"
            unit={leftUnit}
            domain={leftDomain ?? ["auto", "auto"]}
            tick={{ fontSize: 11 }}
            width={48}
          />
          {right && (
            <YAxis
              yAxisId="right"
              orientation="right"
              unit={rightUnit}
              domain={["auto", "auto"]}
              tick={{ fontSize: 11 }}
              width={56}
            />
          )}
          <Tooltip />
          {reference && (
            <ReferenceLine
              yAxisId="left"
              y={reference.y}
              stroke="#64748b"
              strokeDasharray="5 4"
              label={{ value: reference.label, fontSize: 11, fill: "#64748b", position: "insideTopRight" }}
              ifOverflow="extendDomain"
            />
          )}
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line
              key={s.key}
              yAxisId={s.axis ?? "left"}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.colour}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

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
  leftLabel,
  rightLabel,
  reference,
}: {
  data: Record<string, string | number | null>[];
  series: LineSeries[];
  leftUnit?: string;
  rightUnit?: string;
  leftDomain?: [number, number];
  /** The axes' titles, printed along them: with two y-axes, each must say which series it measures. */
  leftLabel?: string;
  rightLabel?: string;
  reference?: { y: number; label: string };
}) {
  const right = series.some((s) => s.axis === "right");
  // Wide enough for the longest tick (about 7 px a character at 11 px) plus the axis title: no clipped labels.
  const width = (axis: "left" | "right", unit: string | undefined, title: string | undefined) => {
    const keys = series.filter((s) => (s.axis ?? "left") === axis).map((s) => s.key);
    const longest = Math.max(
      3,
      ...data.flatMap((d) => keys.map((k) => (typeof d[k] === "number" ? String(Math.round(d[k])).length + 2 : 0))),
    );
    return (longest + (unit?.length ?? 0)) * 7 + 12 + (title ? 18 : 0);
  };
  return (
    <div className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis
            dataKey="week"
            tick={{ fontSize: 11 }}
            minTickGap={16}
            interval="preserveStartEnd"
            padding={{ left: 8, right: 8 }}
          />
          <YAxis
            yAxisId="left"
            unit={leftUnit}
            domain={leftDomain ?? ["auto", "auto"]}
            tick={{ fontSize: 11 }}
            width={width("left", leftUnit, leftLabel)}
            label={leftLabel ? { value: leftLabel, angle: -90, position: "insideLeft", fontSize: 11 } : undefined}
          />
          {right && (
            <YAxis
              yAxisId="right"
              orientation="right"
              unit={rightUnit}
              domain={["auto", "auto"]}
              tick={{ fontSize: 11 }}
              width={width("right", rightUnit, rightLabel)}
              label={rightLabel ? { value: rightLabel, angle: 90, position: "insideRight", fontSize: 11 } : undefined}
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

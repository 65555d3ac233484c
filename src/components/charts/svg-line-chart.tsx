import { lineGeometry, type LinePoint } from "@/lib/domain/line-geometry";

/**
 * One weekly series as plain SVG: no chart library, no script of its own, so the dashboards that
 * open with it stay light on a phone. Each point names its week and value on hover; the frame's
 * table is the accessible form of the same data.
 */
export function SvgLineChart({
  points,
  unit = "%",
  colour = "#2563eb",
}: {
  points: LinePoint[];
  unit?: string;
  colour?: string;
}) {
  const g = lineGeometry(points, { width: 480, height: 220, maxXTicks: 6 });
  return (
    <svg
      viewBox={`0 0 ${g.width} ${g.height}`}
      className="h-auto w-full max-w-3xl text-slate-600 dark:text-slate-300"
      data-chart="svg-line"
    >
      <rect x="0" y="0" width={g.width} height={g.height} fill="white" className="dark:fill-slate-900" />
      {g.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke="#cbd5e1" strokeDasharray="3 3" />
          <text x={g.plot.left - 6} y={t.y + 4} textAnchor="end" fontSize="12" fill="currentColor">
            {t.value}
            {unit}
          </text>
        </g>
      ))}
      {g.xTicks.map((t) => (
        <text key={t.label} x={t.x} y={g.height - 6} textAnchor={t.anchor} fontSize="12" fill="currentColor">
          {t.label}
        </text>
      ))}
      {g.paths.map((d) => (
        <path key={d} d={d} fill="none" stroke={colour} strokeWidth="2" strokeLinejoin="round" />
      ))}
      {g.dots.map((d) => (
        <circle key={d.label} cx={d.x} cy={d.y} r="3" fill={colour}>
          <title>{`${d.label}: ${d.value}${unit}`}</title>
        </circle>
      ))}
    </svg>
  );
}

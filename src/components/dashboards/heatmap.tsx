"use client";
import { heatColour, MIN_GROUP_SIZE } from "@/lib/domain/outcomes";
import type { HeatmapDto } from "@/lib/schemas/dashboards";
import { ChartFrame } from "@/components/charts/chart-frame";

// Five steps of one hue (light → dark), readable without colour vision: every cell also prints its rate.
const BANDS = ["#dbeafe", "#93c5fd", "#60a5fa", "#2563eb", "#1e3a8a"] as const;
const LABEL = 230;
const COL = 96;
const ROW = 30;
const HEAD = 44;

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Team × behaviour adoption in the period. Cells with fewer than MIN_GROUP_SIZE opportunities are
 * grey and say so: never coloured, never shown as 0%.
 */
export function Heatmap({ data, period }: { data: HeatmapDto; period: string }) {
  const width = LABEL + COL * Math.max(1, data.teams.length);
  const height = HEAD + ROW * Math.max(1, data.behaviours.length);
  const cell = (teamId: string, behaviourId: string) =>
    data.cells[`${teamId}:${behaviourId}`] ?? { performed: 0, opportunities: 0 };
  const rows = data.behaviours.flatMap((b) =>
    data.teams.map((t) => {
      const c = cell(t.id, b.id);
      const { rate } = heatColour(c);
      return [
        b.title,
        t.name,
        c.performed,
        c.opportunities,
        rate === null ? `fewer than ${MIN_GROUP_SIZE} opportunities` : `${Math.round(rate * 100)}%`,
      ];
    }),
  );
  return (
    <ChartFrame
      title="Adoption by team and behaviour"
      description={`${period}. Grey cells have fewer than ${MIN_GROUP_SIZE} opportunities: too few to show a rate.`}
      file="adoption-heatmap"
      table={{ columns: ["behaviour", "team", "performed", "opportunities", "adoption"], rows }}
      testId="heatmap"
    >
      <div className="overflow-x-auto">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="presentation"
          fontFamily="system-ui, sans-serif"
          fontSize={11}
        >
          {data.teams.map((t, i) => (
            <text key={t.id} x={LABEL + i * COL + COL / 2} y={HEAD - 10} textAnchor="middle" fill="#334155">
              <title>{t.name}</title>
              {short(t.name, 14)}
            </text>
          ))}
          {data.behaviours.map((b, r) => (
            <g key={b.id} transform={`translate(0, ${HEAD + r * ROW})`}>
              <text x={LABEL - 8} y={ROW / 2 + 4} textAnchor="end" fill="#334155">
                <title>{b.title}</title>
                {short(b.title, 32)}
              </text>
              {data.teams.map((t, i) => {
                const c = cell(t.id, b.id);
                const { rate, band } = heatColour(c);
                return (
                  <g key={t.id} transform={`translate(${LABEL + i * COL}, 0)`} data-band={band}>
                    <rect
                      x={1}
                      y={1}
                      width={COL - 2}
                      height={ROW - 2}
                      rx={3}
                      fill={band === "none" ? "#e2e8f0" : BANDS[band]}
                    />
                    <text
                      x={COL / 2}
                      y={ROW / 2 + 4}
                      textAnchor="middle"
                      fill={band === "none" ? "#64748b" : band >= 3 ? "#ffffff" : "#0f172a"}
                    >
                      {rate === null
                        ? c.opportunities === 0
                          ? "–"
                          : `n=${c.opportunities}`
                        : `${Math.round(rate * 100)}%`}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    </ChartFrame>
  );
}

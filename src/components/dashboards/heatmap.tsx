"use client";
import { heatColour, MIN_RATE_OPPORTUNITIES } from "@/lib/domain/outcomes";
import { SUPPRESSION_TEXT, tooFewPeopleReason } from "@/lib/domain/group-size";
import type { HeatmapDto } from "@/lib/schemas/dashboards";
import { ChartFrame } from "@/components/charts/chart-frame";

// Five steps of one hue (light → dark), readable without colour vision: every cell also prints its rate.
const BANDS = ["#dbeafe", "#93c5fd", "#60a5fa", "#2563eb", "#1e3a8a"] as const;
const BAND_LABELS = ["0–19%", "20–39%", "40–59%", "60–79%", "80–100%"] as const;
const GREY = "#e2e8f0";
// A team too small to show (docs/decisions/039): no colour, no count, only "hidden".
const HIDDEN = "#f8fafc";
const LABEL = 180;
const COL = 96;
const ROW = 30;
const HEAD = 44;
// Fill attributes are what the PNG export sees (it has no stylesheet); the classes restyle the labels for dark mode.
const INK = "#334155";
const INK_CLASS = "fill-slate-700 dark:fill-slate-300";

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function Legend({ minGroupSize, anyHidden }: { minGroupSize: number; anyHidden: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" data-testid="heatmap-legend">
      <span className="font-medium">Adoption:</span>
      {BANDS.map((colour, i) => (
        <span key={colour} className="inline-flex items-center gap-1">
          <span
            aria-hidden
            className="inline-block h-3 w-5 rounded-sm border border-slate-300"
            style={{ background: colour }}
          />
          {BAND_LABELS[i]}
        </span>
      ))}
      <span className="inline-flex items-center gap-1">
        <span
          aria-hidden
          className="inline-block h-3 w-5 rounded-sm border border-slate-300"
          style={{ background: GREY }}
        />
        fewer than {MIN_RATE_OPPORTUNITIES} opportunities (n = how many)
      </span>
      {anyHidden && (
        <span className="inline-flex items-center gap-1" data-testid="heatmap-hidden-legend">
          <span
            aria-hidden
            className="inline-block h-3 w-5 rounded-sm border border-dashed border-slate-400"
            style={{ background: HIDDEN }}
          />
          hidden: a team of fewer than {minGroupSize} people, or one whose figures would give it away
        </span>
      )}
    </div>
  );
}

/** The same legend drawn for the PNG (laid beside the cells by the frame's export); never shown on the page. */
function ExportLegend({ height: chartHeight, anyHidden }: { height: number; anyHidden: boolean }) {
  const items = [
    ...BANDS.map((colour, i) => ({ colour, text: BAND_LABELS[i] })),
    { colour: GREY, text: `under ${MIN_RATE_OPPORTUNITIES} opportunities` },
    ...(anyHidden ? [{ colour: HIDDEN, text: "hidden: too few people" }] : []),
  ];
  const height = Math.max(chartHeight, HEAD + items.length * 20);
  return (
    <svg
      data-chart-part
      className="hidden"
      width={190}
      height={height}
      viewBox={`0 0 190 ${height}`}
      fontFamily="system-ui, sans-serif"
      fontSize={11}
    >
      <text x={16} y={HEAD - 10} fill={INK}>
        Adoption
      </text>
      {items.map((item, i) => (
        <g key={item.text} transform={`translate(16, ${HEAD + i * 20})`}>
          <rect width={20} height={12} rx={2} fill={item.colour} stroke="#cbd5e1" />
          <text x={28} y={10} fill={INK}>
            {item.text}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * Team × behaviour adoption in the period. Cells with fewer than MIN_RATE_OPPORTUNITIES opportunities are
 * grey and say so: never coloured, never shown as 0%. Drawn in two parts so that on a phone the
 * behaviours stay in view (a sticky first column) while the teams scroll sideways; names cut short
 * on the drawing are whole on hover and in the table. A team hidden under the minimum group size has no cells
 * (the server sends none): its column, CSV rows and PNG say why instead.
 */
export function Heatmap({ data, period, range }: { data: HeatmapDto; period: string; range?: string }) {
  const cellsWidth = COL * Math.max(1, data.teams.length);
  const height = HEAD + ROW * Math.max(1, data.behaviours.length);
  const cell = (teamId: string, behaviourId: string) =>
    data.cells[`${teamId}:${behaviourId}`] ?? { performed: 0, opportunities: 0 };
  const anyHidden = data.teams.some((t) => t.suppressed);
  const rows = data.behaviours.flatMap((b) =>
    data.teams.map((t) => {
      if (t.suppressed) return [b.title, t.name, "", "", SUPPRESSION_TEXT[t.suppressed]];
      const c = cell(t.id, b.id);
      const { rate } = heatColour(c);
      return [
        b.title,
        t.name,
        c.performed,
        c.opportunities,
        rate === null ? `fewer than ${MIN_RATE_OPPORTUNITIES} opportunities` : `${Math.round(rate * 100)}%`,
      ];
    }),
  );
  return (
    <ChartFrame
      title="Adoption by team and behaviour"
      description={`${period}. Grey cells have fewer than ${MIN_RATE_OPPORTUNITIES} opportunities: too few to show a rate.${anyHidden ? ` ${tooFewPeopleReason(data.minGroupSize)}` : ""}`}
      units="adoption % (performed ÷ opportunities)"
      range={range}
      file="adoption-heatmap"
      table={{ columns: ["behaviour", "team", "performed", "opportunities", "adoption"], rows }}
      testId="heatmap"
      legend={<Legend minGroupSize={data.minGroupSize} anyHidden={anyHidden} />}
    >
      <div className="overflow-x-auto" data-testid="heatmap-scroll">
        <div className="flex w-max">
          <div className="sticky left-0 z-10 bg-white dark:bg-slate-900" data-testid="heatmap-labels">
            <svg
              data-chart-part
              width={LABEL}
              height={height}
              viewBox={`0 0 ${LABEL} ${height}`}
              role="presentation"
              fontFamily="system-ui, sans-serif"
              fontSize={11}
            >
              {data.behaviours.map((b, r) => (
                <text
                  key={b.id}
                  x={LABEL - 8}
                  y={HEAD + r * ROW + ROW / 2 + 4}
                  textAnchor="end"
                  fill={INK}
                  className={INK_CLASS}
                >
                  <title>{b.title}</title>
                  {short(b.title, 28)}
                </text>
              ))}
            </svg>
          </div>
          <svg
            data-chart-part
            width={cellsWidth}
            height={height}
            viewBox={`0 0 ${cellsWidth} ${height}`}
            role="presentation"
            fontFamily="system-ui, sans-serif"
            fontSize={11}
          >
            {data.teams.map((t, i) => (
              <text key={t.id} x={i * COL + COL / 2} y={HEAD - 10} textAnchor="middle" fill={INK} className={INK_CLASS}>
                <title>{t.name}</title>
                {short(t.name, 14)}
              </text>
            ))}
            {data.behaviours.map((b, r) => (
              <g key={b.id} transform={`translate(0, ${HEAD + r * ROW})`}>
                {data.teams.map((t, i) => {
                  if (t.suppressed)
                    return (
                      <g key={t.id} transform={`translate(${i * COL}, 0)`} data-band="hidden">
                        <title>{`${b.title} · ${t.name}: ${SUPPRESSION_TEXT[t.suppressed]}`}</title>
                        <rect
                          x={1}
                          y={1}
                          width={COL - 2}
                          height={ROW - 2}
                          rx={3}
                          fill={HIDDEN}
                          stroke="#94a3b8"
                          strokeDasharray="3 2"
                        />
                        <text x={COL / 2} y={ROW / 2 + 4} textAnchor="middle" fill="#475569">
                          hidden
                        </text>
                      </g>
                    );
                  const c = cell(t.id, b.id);
                  const { rate, band } = heatColour(c);
                  const shown =
                    rate === null
                      ? c.opportunities === 0
                        ? "–"
                        : `n=${c.opportunities}`
                      : `${Math.round(rate * 100)}%`;
                  return (
                    <g key={t.id} transform={`translate(${i * COL}, 0)`} data-band={band}>
                      <title>{`${b.title} · ${t.name}: ${rate === null ? `${c.opportunities} opportunities, too few for a rate` : `${shown} (${c.performed} of ${c.opportunities})`}`}</title>
                      <rect
                        x={1}
                        y={1}
                        width={COL - 2}
                        height={ROW - 2}
                        rx={3}
                        fill={band === "none" ? GREY : BANDS[band]}
                      />
                      <text
                        x={COL / 2}
                        y={ROW / 2 + 4}
                        textAnchor="middle"
                        fill={band === "none" ? "#475569" : band >= 3 ? "#ffffff" : "#0f172a"}
                      >
                        {shown}
                      </text>
                    </g>
                  );
                })}
              </g>
            ))}
          </svg>
          <ExportLegend height={height} anyHidden={anyHidden} />
        </div>
      </div>
    </ChartFrame>
  );
}

"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { chartCaptionLines, chartFactsLine } from "@/lib/domain/chart-caption";

export interface ChartTable {
  columns: string[];
  /** As shown on the page: dates written as everywhere in the interface ("23 Nov 2026"). */
  rows: (string | number)[][];
  /** The CSV's rows when they differ from the page's: ISO dates, which spreadsheets read as dates. */
  csv?: (string | number)[][];
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function loadSvg(svg: SVGSVGElement): Promise<{ img: HTMLImageElement; width: number; height: number }> {
  // The whole drawing, not the part scrolled into view: its own width and height attributes when it has them.
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute("width")) || box.width;
  const height = Number(svg.getAttribute("height")) || box.height;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const img = new Image();
  return new Promise((resolve, reject) => {
    img.onload = () => resolve({ img, width, height });
    img.onerror = () => reject(new Error("The chart could not be drawn."));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  });
}

const CAPTION_LINE = 22;

/**
 * Draws the frame's chart on a white canvas at twice the size, as PNG, under its caption (title, units, date range:
 * a PNG is read away from the page). A chart drawn in parts (the heatmap's sticky labels and its cells) marks them
 * data-chart-part and they are laid side by side; otherwise the largest SVG is the chart.
 */
async function svgToPng(root: HTMLElement, caption: string[]): Promise<Blob | null> {
  const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
  const parts = [...root.querySelectorAll<SVGSVGElement>("svg[data-chart-part]")];
  const svgs = parts.length ? parts : [...root.querySelectorAll("svg")].sort((a, b) => area(b) - area(a)).slice(0, 1);
  if (!svgs.length) return null;
  const drawn = await Promise.all(svgs.map(loadSvg));
  const top = caption.length * CAPTION_LINE + 12;
  const width = Math.max(
    drawn.reduce((w, d) => w + d.width, 0),
    ...caption.map((c) => c.length * 8),
  );
  const height = top + Math.max(...drawn.map((d) => d.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const g = canvas.getContext("2d")!;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(2, 2);
  g.fillStyle = "#0f172a";
  caption.forEach((line, i) => {
    g.font = `${i === 0 ? "600 16px" : "13px"} system-ui, sans-serif`;
    g.fillText(line, 4, 18 + i * CAPTION_LINE);
  });
  let x = 0;
  for (const d of drawn) {
    g.drawImage(d.img, x, top, d.width, d.height);
    x += d.width;
  }
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

/**
 * A chart with what every chart here offers: its data as a table (for screen readers and exact
 * figures), and downloads as CSV and PNG. The chart itself is hidden from assistive technology.
 */
export function ChartFrame({
  title,
  description,
  file,
  table,
  children,
  testId,
  units,
  range,
  legend,
}: {
  title: string;
  description?: React.ReactNode;
  /** What the values are measured in; shown under the title and printed on the PNG. */
  units?: string;
  /** The dates covered (formatDayRange); shown under the title and printed on the PNG. */
  range?: string;
  /** What the colours or marks mean; outside the hidden picture, so everyone can read it. */
  legend?: React.ReactNode;
  file: string;
  table: ChartTable;
  children: React.ReactNode;
  testId?: string;
}) {
  const chart = useRef<HTMLDivElement>(null);
  const facts = chartFactsLine({ title, units, range });
  return (
    <figure
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption>
          <span className="font-semibold">{title}</span>
          {facts && (
            <span className="block text-xs text-slate-600 dark:text-slate-400" data-testid="chart-facts">
              {facts}
            </span>
          )}
          {description && <span className="block text-xs text-slate-600 dark:text-slate-400">{description}</span>}
        </figcaption>
        <div className="flex gap-1">
          <Button
            type="button"
            variant="ghost"
            className="min-h-8 px-2 py-1 text-xs"
            onClick={async () => {
              // The CSV writer loads on the first download, not with every page that draws a chart.
              const { toCsv } = await import("@/lib/domain/csv");
              download(
                `${file}.csv`,
                new Blob([toCsv([table.columns, ...(table.csv ?? table.rows)])], { type: "text/csv;charset=utf-8" }),
              );
            }}
          >
            CSV<span className="sr-only"> of {title}</span>
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="min-h-8 px-2 py-1 text-xs"
            onClick={async () => {
              const png = chart.current && (await svgToPng(chart.current, chartCaptionLines({ title, units, range })));
              if (png) download(`${file}.png`, png);
            }}
          >
            PNG<span className="sr-only"> of {title}</span>
          </Button>
        </div>
      </div>
      {/* The picture is for sighted readers; the table below is its accessible form. Nothing inside
          may take focus (axe: aria-hidden-focus), so the charts run without recharts' keyboard layer. */}
      <div ref={chart} aria-hidden>
        {children}
      </div>
      {legend}
      <details className="text-sm">
        <summary className="cursor-pointer">{title} as a table</summary>
        {/* Focusable, so a keyboard can scroll a long table (axe: scrollable-region-focusable). */}
        <div className="mt-2 max-h-96 overflow-auto" role="region" aria-label={`${title} as a table`} tabIndex={0}>
          <table className="w-full text-left tabular-nums">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="py-1 pr-3 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                  {r.map((cell, j) => (
                    <td key={j} className="py-0.5 pr-3">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

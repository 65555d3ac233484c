"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
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

/** Draws the frame's chart (its largest SVG) on a white canvas at twice the size, as PNG. */
async function svgToPng(root: HTMLElement): Promise<Blob | null> {
  const svgs = [...root.querySelectorAll("svg")];
  const svg = svgs.sort(
    (a, b) =>
      b.getBoundingClientRect().width * b.getBoundingClientRect().height -
      a.getBoundingClientRect().width * a.getBoundingClientRect().height,
  )[0];
  if (!svg) return null;
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error("The chart could not be drawn."));
    img.src = src;
  });
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const g = canvas.getContext("2d")!;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(2, 2);
  g.drawImage(img, 0, 0, width, height);
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
}: {
  title: string;
  description?: React.ReactNode;
  file: string;
  table: ChartTable;
  children: React.ReactNode;
  testId?: string;
}) {
  const chart = useRef<HTMLDivElement>(null);
  return (
    <figure
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption>
          <span className="font-semibold">{title}</span>
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
                new Blob([toCsv([table.columns, ...table.rows])], { type: "text/csv;charset=utf-8" }),
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
              const png = chart.current && (await svgToPng(chart.current));
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
      <details className="text-sm">
        <summary className="cursor-pointer">{title} as a table</summary>
        <div className="mt-2 max-h-96 overflow-auto">
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

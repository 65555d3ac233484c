// Geometry of a small weekly line chart drawn as plain SVG (no charting library): the overview and
// team dashboards draw one on every load, and a phone should not download and run a chart library
// for one line (issue 8: Lighthouse on the overview). Pure, so it is unit-tested.

export interface LinePoint {
  label: string;
  value: number | null;
}

export interface LineGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** One SVG path per unbroken run of values: a missing value is a gap, never a drop to 0. */
  paths: string[];
  dots: { x: number; y: number; label: string; value: number }[];
  yTicks: { y: number; value: number }[];
  /** A label that would run past the drawing's edge is anchored at its tick's end (or start) instead: never clipped. */
  xTicks: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
}

/** About how wide a label of 12 px system-ui is: 0.6 em a character, generous for digits and short month names. */
export const labelWidth = (label: string, fontSize = 12) => label.length * fontSize * 0.6;

function anchorFor(x: number, label: string, width: number): "start" | "middle" | "end" {
  const half = labelWidth(label) / 2;
  if (x + half > width) return "end";
  if (x - half < 0) return "start";
  return "middle";
}

const round = (n: number) => Math.round(n * 10) / 10;

export function lineGeometry(
  points: LinePoint[],
  opts: { width?: number; height?: number; domain?: [number, number]; yTickCount?: number; maxXTicks?: number } = {},
): LineGeometry {
  const width = opts.width ?? 640;
  const height = opts.height ?? 256;
  const [lo, hi] = opts.domain ?? [0, 100];
  const plot = { left: 44, top: 8, right: width - 8, bottom: height - 24 };
  const n = points.length;
  const x = (i: number) =>
    round(n <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * i) / (n - 1));
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const y = (v: number) => round(plot.bottom - ((plot.bottom - plot.top) * (clamp(v) - lo)) / (hi - lo || 1));

  const paths: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) paths.push(run.join(" "));
      run = [];
      return;
    }
    run.push(`${run.length ? "L" : "M"}${x(i)},${y(p.value)}`);
  });
  if (run.length) paths.push(run.join(" "));

  const count = opts.yTickCount ?? 5;
  const yTicks = Array.from({ length: count }, (_, k) => {
    const value = round(lo + ((hi - lo) * k) / (count - 1));
    return { y: y(value), value };
  });
  const maxX = Math.max(2, opts.maxXTicks ?? 8);
  const step = Math.max(1, Math.ceil(n / maxX));
  const xTicks: LineGeometry["xTicks"] = [];
  points.forEach((p, i) => {
    if (i % step !== 0 && i !== n - 1) return;
    const tick = { x: x(i), label: p.label, anchor: anchorFor(x(i), p.label, width) };
    // The last week is always labelled; a label too close to the one before gives way to it.
    const gap = Math.max(24, labelWidth(p.label) * (tick.anchor === "middle" ? 1 : 1.5) + 8);
    while (xTicks.length && tick.x - xTicks.at(-1)!.x < gap) {
      if (i !== n - 1) return;
      xTicks.pop();
    }
    xTicks.push(tick);
  });
  const dots = points.flatMap((p, i) =>
    p.value === null ? [] : [{ x: x(i), y: y(p.value), label: p.label, value: p.value }],
  );
  return { width, height, plot, paths, dots, yTicks, xTicks };
}

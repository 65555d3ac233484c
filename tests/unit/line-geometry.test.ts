import { describe, expect, it } from "vitest";
import { labelWidth, lineGeometry } from "@/lib/domain/line-geometry";

describe("the SVG line chart's geometry", () => {
  it("places points across the plot and values on a 0–100 scale", () => {
    const g = lineGeometry(
      [
        { label: "a", value: 0 },
        { label: "b", value: 50 },
        { label: "c", value: 100 },
      ],
      { width: 244, height: 132 },
    );
    // plot: x 44…236, y 8…108
    expect(g.paths).toEqual(["M44,108 L140,58 L236,8"]);
    expect(g.dots.map((d) => [d.x, d.y])).toEqual([
      [44, 108],
      [140, 58],
      [236, 8],
    ]);
    expect(g.yTicks.map((t) => [t.value, t.y])).toEqual([
      [0, 108],
      [25, 83],
      [50, 58],
      [75, 33],
      [100, 8],
    ]);
  });

  it("leaves a gap for a missing week instead of drawing it as 0", () => {
    const g = lineGeometry([
      { label: "a", value: 10 },
      { label: "b", value: 20 },
      { label: "c", value: null },
      { label: "d", value: 30 },
    ]);
    expect(g.paths).toHaveLength(2);
    expect(g.paths[1]).toMatch(/^M[\d.]+,[\d.]+$/);
    expect(g.dots.map((d) => d.label)).toEqual(["a", "b", "d"]);
  });

  it("thins the week labels so they do not overlap, keeping the last", () => {
    const points = Array.from({ length: 52 }, (_, i) => ({ label: `w${i}`, value: i }));
    const g = lineGeometry(points, { maxXTicks: 8 });
    expect(g.xTicks.length).toBeLessThanOrEqual(9);
    expect(g.xTicks[0]!.label).toBe("w0");
    expect(g.xTicks.at(-1)!.label).toBe("w51");
    for (let k = 1; k < g.xTicks.length; k++) expect(g.xTicks[k]!.x - g.xTicks[k - 1]!.x).toBeGreaterThanOrEqual(24);
  });

  it("draws a single week in the middle, and clamps values outside the domain", () => {
    const g = lineGeometry([{ label: "only", value: 140 }], { width: 244, height: 132 });
    expect(g.dots).toEqual([{ x: 140, y: 8, label: "only", value: 140 }]);
    expect(lineGeometry([]).paths).toEqual([]);
  });

  it("keeps every week label inside the drawing and clear of its neighbour (issue 14: no clipped labels)", () => {
    const points = Array.from({ length: 26 }, (_, i) => ({ label: `${(i % 28) + 1} Dec 2026`, value: i }));
    const g = lineGeometry(points, { width: 480, height: 220, maxXTicks: 6 });
    const span = (t: (typeof g.xTicks)[number]) => {
      const w = labelWidth(t.label);
      const start = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
      return [start, start + w] as const;
    };
    expect(g.xTicks.at(-1)).toMatchObject({ label: "26 Dec 2026", anchor: "end" });
    for (const t of g.xTicks) {
      expect(span(t)[0]).toBeGreaterThanOrEqual(0);
      expect(span(t)[1]).toBeLessThanOrEqual(480);
    }
    for (let k = 1; k < g.xTicks.length; k++) expect(span(g.xTicks[k]!)[0]).toBeGreaterThan(span(g.xTicks[k - 1]!)[1]);
  });
});

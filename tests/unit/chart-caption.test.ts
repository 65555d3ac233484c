import { describe, expect, it } from "vitest";
import { chartCaptionLines, chartFactsLine } from "@/lib/domain/chart-caption";

describe("a chart's caption (issue 14: exports carry title, units and date range)", () => {
  it("gives the title, then units and range on one line", () => {
    expect(
      chartCaptionLines({ title: "Adoption trend", units: "adoption %", range: "22 Jun 2026 – 16 Nov 2026" }),
    ).toEqual(["Adoption trend", "Units: adoption % · 22 Jun 2026 – 16 Nov 2026"]);
  });

  it("leaves out what a chart does not have, never printing an empty label", () => {
    expect(chartFactsLine({ title: "Pareto", units: "priority score" })).toBe("Units: priority score");
    expect(chartFactsLine({ title: "Pareto", range: "23 Nov 2026" })).toBe("23 Nov 2026");
    expect(chartCaptionLines({ title: "Pareto" })).toEqual(["Pareto"]);
  });
});

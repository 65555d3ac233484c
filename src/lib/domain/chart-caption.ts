// What a chart says about itself outside the page (issue 14): a PNG travels into slides and e-mails without the
// page around it, so it carries its title, its units and the dates it covers. Pure, shared by the frame on the
// page and the PNG export, so both always say the same.

export interface ChartFacts {
  title: string;
  /** What the values are measured in, e.g. "adoption %" or "adoption % (left), hours (right)". */
  units?: string;
  /** The dates covered, e.g. "22 Jun 2026 – 16 Nov 2026". */
  range?: string;
}

/** The line under a chart's title: "Units: adoption % · 22 Jun 2026 – 16 Nov 2026", or "" when there is neither. */
export function chartFactsLine({ units, range }: ChartFacts): string {
  return [units ? `Units: ${units}` : "", range ?? ""].filter(Boolean).join(" · ");
}

/** The lines printed above the chart in its PNG: the title, then units and range when known. */
export function chartCaptionLines(facts: ChartFacts): string[] {
  const line = chartFactsLine(facts);
  return line ? [facts.title, line] : [facts.title];
}

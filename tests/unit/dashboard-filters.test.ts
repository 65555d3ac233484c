import { describe, expect, it } from "vitest";
import { filterSummary, parseDashboardFilter, type FilterOptionsDto } from "@/lib/schemas/dashboards";

const options: FilterOptionsDto = {
  streams: [{ id: "s1", name: "Support stream" }],
  teams: [{ id: "t1", name: "Tier 1", streamId: "s1" }],
  values: [{ id: "v1", name: "Ownership" }],
};

describe("the summary on the phone's Filters button", () => {
  it("names the period, then each filter in force by its name", () => {
    expect(filterSummary(parseDashboardFilter({}), options)).toEqual(["Last 12 weeks"]);
    expect(filterSummary(parseDashboardFilter({ period: "4w", team: "t1", value: "v1" }), options)).toEqual([
      "Last 4 weeks",
      "Tier 1",
      "Ownership",
    ]);
    expect(filterSummary(parseDashboardFilter({ stream: "s1" }), options)).toEqual(["Last 12 weeks", "Support stream"]);
  });
  it("leaves out an id that names no option, and filters the page does not show", () => {
    expect(filterSummary(parseDashboardFilter({ team: "gone" }), options)).toEqual(["Last 12 weeks"]);
    expect(filterSummary(parseDashboardFilter({ team: "t1" }), options, ["period"])).toEqual(["Last 12 weeks"]);
    expect(filterSummary(parseDashboardFilter({ team: "t1" }), undefined)).toEqual(["Last 12 weeks"]);
  });
});

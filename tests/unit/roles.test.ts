import { describe, expect, it } from "vitest";
import { can, landingFor, navigationFor, ROLES } from "@/lib/domain/roles";

describe("roles", () => {
  it("lets only admins manage members", () => {
    expect(ROLES.filter((r) => can(r, "members.manage"))).toEqual(["ADMIN"]);
  });
  it("lets admins and leaders edit the catalogue", () => {
    expect(ROLES.filter((r) => can(r, "catalogue.edit"))).toEqual(["ADMIN", "LEADER"]);
  });
  it("keeps manager dashboards from members, in the permission and in the menu", () => {
    expect(can("MEMBER", "dashboards.view")).toBe(false);
    expect(can("MANAGER", "dashboards.view")).toBe(true);
    expect(navigationFor("MEMBER").map((i) => i.label)).toEqual([
      "Catalogue",
      "Log",
      "Teams",
      "Barriers",
      "Surveys",
      "Interventions",
      "Rituals",
      "Actions",
      "Decisions",
      "Feedback",
      "Recognition",
      "Settings",
    ]);
    expect(navigationFor("MANAGER").map((i) => i.label)).toEqual([
      "Catalogue",
      "Log",
      "Teams",
      "Barriers",
      "Surveys",
      "Interventions",
      "Rituals",
      "Actions",
      "Decisions",
      "Feedback",
      "Recognition",
      "Dashboards",
      "Metrics",
      "Settings",
    ]);
  });
  it("lets managers and up run barrier analysis, and everyone propose barriers and answer surveys", () => {
    expect(ROLES.filter((r) => can(r, "barriers.manage"))).toEqual(["ADMIN", "LEADER", "MANAGER"]);
    expect(ROLES.every((r) => can(r, "barriers.propose") && can(r, "surveys.respond"))).toBe(true);
  });
  it("lets managers and up define metrics and record their readings", () => {
    expect(ROLES.filter((r) => can(r, "metrics.manage"))).toEqual(["ADMIN", "LEADER", "MANAGER"]);
  });
  it("lets everyone log observations", () => {
    expect(ROLES.every((r) => can(r, "observations.log"))).toBe(true);
  });
  it("lets leaders manage teams only where the organisation allows it, and never widens anything else", () => {
    const allow = { leadersManageTeams: true };
    expect(ROLES.filter((r) => can(r, "teams.manage"))).toEqual(["ADMIN"]);
    expect(ROLES.filter((r) => can(r, "teams.manage", { leadersManageTeams: false }))).toEqual(["ADMIN"]);
    expect(ROLES.filter((r) => can(r, "teams.manage", allow))).toEqual(["ADMIN", "LEADER"]);
    expect(can("LEADER", "members.manage", allow)).toBe(false);
  });
  it("lands members on the Log, managers on the dashboards, leaders and admins on the catalogue", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, landingFor(r)]))).toEqual({
      ADMIN: "/catalogue",
      LEADER: "/catalogue",
      MANAGER: "/dashboards",
      MEMBER: "/log",
    });
  });
  it("lands every role on a page its own menu offers (never one the server would refuse)", () => {
    for (const r of ROLES) expect(navigationFor(r).map((i) => i.href)).toContain(landingFor(r));
  });
});

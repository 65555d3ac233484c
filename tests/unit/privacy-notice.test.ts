import { describe, expect, it } from "vitest";
import {
  accessLines,
  PERMISSION_NOTICE,
  reportingRules,
  retentionBounds,
  SECURITY_EVENT_WORDS,
  securityEventsKept,
} from "@/lib/domain/privacy-notice";
import { can, PERMISSIONS, ROLES, type Permission } from "@/lib/domain/roles";
import { RETENTION_LIMITS, SECURITY_AUDIT_PREFIXES } from "@/lib/domain/retention";
import { MIN_RATE_OPPORTUNITIES } from "@/lib/domain/outcomes";

const NO_POLICY = { leadersManageTeams: false };
const rolesFor = (line: string, policy = NO_POLICY) => accessLines(policy).find((l) => l.line.startsWith(line))?.roles;

describe("the privacy page's table of who sees what", () => {
  it("classifies every permission of roles.ts: a permission added without words fails here", () => {
    const classified = new Set(Object.keys(PERMISSION_NOTICE));
    expect(
      PERMISSIONS.filter((p) => !classified.has(p)),
      "permissions with no plain-language line",
    ).toEqual([]);
    expect(
      [...classified].filter((p) => !PERMISSIONS.includes(p as Permission)),
      "lines for permissions that no longer exist",
    ).toEqual([]);
    for (const [p, notice] of Object.entries(PERMISSION_NOTICE)) {
      if ("lines" in notice) {
        expect(notice.lines.length, p).toBeGreaterThan(0);
        for (const line of notice.lines) expect(line.trim(), p).not.toBe("");
      } else expect(notice.notPersonal.trim(), `${p}: say why it does not concern people`).not.toBe("");
    }
  });

  it("keeps the permissions that reach people's data on the page", () => {
    // Names of observers, the honesty guard's names, everyone's e-mail and the whole export: never "not personal".
    const personal: Permission[] = [
      "observations.log",
      "honesty.review",
      "members.manage",
      "teams.manage",
      "notifications.manage",
      "apiTokens.manage",
      "webhooks.manage",
      "recognition.give",
      "surveys.respond",
    ];
    for (const p of personal) expect("lines" in PERMISSION_NOTICE[p], p).toBe(true);
    const shown = new Set(accessLines(NO_POLICY).map((l) => l.permission));
    for (const p of PERMISSIONS) expect(shown.has(p), p).toBe("lines" in PERMISSION_NOTICE[p]);
  });

  it("gives each line exactly the roles roles.ts gives its permission", () => {
    for (const policy of [NO_POLICY, { leadersManageTeams: true }])
      for (const l of accessLines(policy))
        expect(l.roles, l.line).toEqual(ROLES.filter((r) => can(r, l.permission, policy)));
  });

  it("says what decision 036 says: honesty names and the export are admins only, everyone sees who logged", () => {
    expect(rolesFor("Review the honesty guard's names")).toEqual(["ADMIN"]);
    expect(rolesFor("Export data")).toEqual(["ADMIN"]);
    expect(rolesFor("Manage members")).toEqual(["ADMIN"]);
    expect(rolesFor("See who logged each entry")).toEqual(["ADMIN", "LEADER", "MANAGER", "MEMBER"]);
    expect(rolesFor("Read the adoption dashboards")).toEqual(["ADMIN", "LEADER", "MANAGER"]);
  });

  it("follows the organisation's own setting: leaders who manage teams may move people between teams", () => {
    expect(rolesFor("Put anyone in a team")).toEqual(["ADMIN"]);
    expect(rolesFor("Put anyone in a team", { leadersManageTeams: true })).toEqual(["ADMIN", "LEADER"]);
  });
});

describe("the privacy page's retention and reporting words", () => {
  it("names every kind of security event the audit retention keeps", () => {
    expect(Object.keys(SECURITY_EVENT_WORDS).sort()).toEqual([...SECURITY_AUDIT_PREFIXES].sort());
    expect(securityEventsKept()).toHaveLength(SECURITY_AUDIT_PREFIXES.length);
    expect(securityEventsKept()).toContain("sign-ins");
  });

  it("gives the bounds admins choose within", () => {
    expect(RETENTION_LIMITS.observerDays).toEqual({ min: 7, max: 3650 });
    expect(retentionBounds()).toContain("who observed, from 7 to 3650 days");
    expect(retentionBounds()).toContain("the audit trail, from 90 to 3650 days");
  });

  it("states the thresholds the code applies, and no other", () => {
    expect(MIN_RATE_OPPORTUNITIES).toBe(5);
    const text = reportingRules(7).join(" ");
    expect(text).toContain("never per person");
    expect(text).toContain("fewer than 5 opportunities");
    expect(text).toContain("fewer than 7 active members");
    expect(text).toContain("too few people to show");
    expect(text).toContain("from 1 to 50 people");
    expect(text).toContain("last 14 days");
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION, describeRetention, isSecurityAuditAction, retentionCutoffs } from "@/lib/domain/retention";

describe("retention", () => {
  it("counts whole days back from now", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const c = retentionCutoffs(DEFAULT_RETENTION, now);
    expect(c.observers.toISOString()).toBe("2026-06-05T12:00:00.000Z");
    expect(c.notes.toISOString()).toBe("2025-12-02T12:00:00.000Z");
    expect(c.audit.toISOString()).toBe("2025-10-28T12:00:00.000Z");
  });

  it("keeps security events and lets the rest go", () => {
    for (const action of ["auth.sign-in", "access.denied", "membership.role", "api-token.revoke", "privacy.retention"])
      expect(isSecurityAuditAction(action), action).toBe(true);
    for (const action of ["api.call", "behaviour.update", "metric.reading", "observation.undo", "authx"])
      expect(isSecurityAuditAction(action), action).toBe(false);
  });

  it("says each rule with its number of days", () => {
    const text = describeRetention({ observerDays: 30, noteDays: 60, auditDays: 400 }).join(" ");
    expect(text).toContain("observer for 30 days");
    expect(text).toContain("deleted after 60 days");
    expect(text).toContain("deleted after 400 days");
  });
});

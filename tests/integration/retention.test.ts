// Issue 21, retention: the nightly job removes observers, notes and audit events past the organisation's
// periods, keeps every count (so every adoption figure), keeps security events, records what it did, and
// never removes or counts anything twice when two runs meet.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { applyRetention, retentionSettings, setRetentionPolicy } from "@/lib/server/data/retention";
import { organisationOverview } from "@/lib/server/data/dashboards";
import { RetentionPolicyInput } from "@/lib/schemas/retention";
import { DashboardFilter } from "@/lib/schemas/dashboards";
import { buildObservations, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

const DAY = 86_400_000;
const NOW = new Date();
const YEAR = DashboardFilter.parse({ period: "52w" });
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function organisation() {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const base = { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id };
  await buildObservations(db(), [
    { ...base, observerId: s.member.membership.id, occurredAt: ago(10), performed: 1, note: "Asked the customer" },
    { ...base, observerId: s.member.membership.id, occurredAt: ago(200), performed: 0, missed: 1, note: "No time" },
    { ...base, observerId: s.manager.membership.id, occurredAt: ago(400), performed: 2, missed: 1, note: "Old note" },
    { ...base, anonymous: true, occurredAt: ago(500), performed: 1 },
  ]);
  await db().observation.updateMany({
    where: { organizationId: s.org.id, note: "Old note" },
    data: { barrierNote: "The form was down" },
  });
  const audit = (action: string, at: Date) =>
    db().auditEvent.create({
      data: { organizationId: s.org.id, actorUserId: s.admin.user.id, action, outcome: "ok", at },
    });
  await audit("behaviour.update", ago(500));
  await audit("auth.sign-in", ago(500));
  await audit("membership.role", ago(450));
  await audit("behaviour.update", ago(30));
  return { s, admin };
}

const observations = (orgId: string) =>
  db().observation.findMany({
    where: { organizationId: orgId },
    orderBy: { occurredAt: "desc" },
    select: { observerId: true, anonymous: true, note: true, barrierNote: true, performed: true, missed: true },
  });
const daily = (orgId: string) =>
  db().observationDaily.findMany({
    where: { organizationId: orgId },
    orderBy: [{ day: "asc" }, { behaviourId: "asc" }, { teamId: "asc" }],
    select: { day: true, behaviourId: true, teamId: true, performed: true, missed: true },
  });

describe("retention", () => {
  it("anonymises old observers, deletes old notes and non-security audit events, and keeps every figure", async () => {
    const { s, admin } = await organisation();
    const other = await organisation();
    const [dailyBefore, overviewBefore, otherBefore] = [
      await daily(s.org.id),
      await organisationOverview(admin, YEAR, NOW),
      await observations(other.s.org.id),
    ];

    expect(await applyRetention(s.org.id, NOW)).toEqual({ observers: 2, notes: 1, auditEvents: 1, surveys: 0 });

    expect(await observations(s.org.id)).toEqual([
      {
        observerId: s.member.membership.id,
        anonymous: false,
        note: "Asked the customer",
        barrierNote: null,
        performed: 1,
        missed: 0,
      },
      { observerId: null, anonymous: true, note: "No time", barrierNote: null, performed: 0, missed: 1 },
      { observerId: null, anonymous: true, note: "", barrierNote: null, performed: 2, missed: 1 },
      { observerId: null, anonymous: true, note: "", barrierNote: null, performed: 1, missed: 0 },
    ]);
    expect(await daily(s.org.id)).toEqual(dailyBefore);
    expect(await organisationOverview(admin, YEAR, NOW)).toEqual(overviewBefore);
    // Another organisation's rows are its own policy's business.
    expect(await observations(other.s.org.id)).toEqual(otherBefore);

    const actions = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, at: { lt: ago(100) } },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["auth.sign-in", "membership.role"]);
    expect(await db().auditEvent.count({ where: { organizationId: s.org.id, action: "behaviour.update" } })).toBe(1);

    // What it did is on the record and on the settings page; a second run finds nothing left to do.
    const settings = await retentionSettings(admin);
    expect(settings.lastRun).toMatchObject({ observers: 2, notes: 1, auditEvents: 1 });
    expect(settings.rules[0]).toContain("180 days");
    expect(await applyRetention(s.org.id, NOW)).toEqual({ observers: 0, notes: 0, auditEvents: 0, surveys: 0 });
  });

  it("applies a shorter period the admin sets, and refuses one below the floor beside its field", async () => {
    const { s, admin } = await organisation();
    expect(() => RetentionPolicyInput.parse({ observerDays: "3", noteDays: "365", auditDays: "400" })).toThrow(
      /from 7 to 3650/,
    );
    await setRetentionPolicy(admin, RetentionPolicyInput.parse({ observerDays: "7", noteDays: "7", auditDays: "90" }));
    expect(await applyRetention(s.org.id, NOW)).toEqual({ observers: 3, notes: 3, auditEvents: 1, surveys: 0 });
    expect((await observations(s.org.id)).every((o) => o.observerId === null && o.note === "")).toBe(true);
    expect(
      await db().auditEvent.findFirst({ where: { organizationId: s.org.id, action: "privacy.policy" } }),
    ).toMatchObject({
      details: { observerDays: 7, noteDays: 7, auditDays: 90 },
    });
  });

  it("removes and counts each row once when two runs meet", async () => {
    for (let round = 0; round < 8; round++) {
      const { s } = await organisation();
      const [a, b] = await Promise.all([applyRetention(s.org.id, NOW), applyRetention(s.org.id, NOW)]);
      expect(a.observers + b.observers, `round ${round}`).toBe(2);
      expect(a.notes + b.notes, `round ${round}`).toBe(1);
      expect(a.auditEvents + b.auditEvents, `round ${round}`).toBe(1);
    }
  });
});

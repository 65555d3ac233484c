import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { recordAudit, type AuditEntry } from "@/lib/server/audit";
import { exportAuditCsv, listAuditEvents } from "@/lib/server/data/audit-trail";
import { captureQueries } from "@/lib/server/query-log";
import { parseCsv } from "@/lib/domain/csv";
import { buildOrgScenario, buildTeam, observationRow } from "../factories";
import { boss, stopBoss } from "@/lib/server/jobs/boss";
import { QUEUES } from "@/lib/server/jobs/queues";
import { contextFor } from "./support/context";
import { readText } from "./support/read-text";

// The audit trail names what each event was about (issue 14), looked up in the viewer's own
// organisation only, in a few batched queries however many events the page holds.

let n = 0;
/** Records an event the way the app does, at a distinct time so the order is known (newest first). */
async function event(entry: Omit<AuditEntry, "outcome">): Promise<string> {
  await recordAudit({ outcome: "ok", ...entry, details: { ...(entry.details as object), seq: n } });
  const row = await db().auditEvent.findFirstOrThrow({
    where: { organizationId: entry.organizationId, details: { path: ["seq"], equals: n } },
    select: { id: true },
  });
  await db().auditEvent.update({ where: { id: row.id }, data: { at: new Date(Date.UTC(2026, 9, 1, 0, n++)) } });
  return row.id;
}

async function setUp() {
  const a = await buildOrgScenario(db(), { name: "Alpha names" });
  const b = await buildOrgScenario(db(), { name: "Beta names" });
  return { a, b, adminA: await contextFor(a.admin.user.id, a.org.id) };
}

describe("naming audit targets", () => {
  it("names behaviours, teams, values, people, members, invitations, observations and the organisation", async () => {
    const { a, adminA } = await setUp();
    const org = a.org.id;
    const invitation = await db().invitation.create({
      data: {
        organizationId: org,
        tokenHash: `hash-${Math.random()}`,
        role: "MEMBER",
        email: "nia@example.test",
        createdById: a.admin.membership.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      select: { id: true },
    });
    const observation = await db().observation.create({
      data: observationRow({ organizationId: org, behaviourId: a.behaviour.id, teamId: a.team.id }),
      select: { id: true },
    });
    const shown: [string, string][] = [
      ["Behaviour", a.behaviour.id],
      ["behaviour", a.behaviour.id], // soft deletes record the kind in lower case
      ["Team", a.team.id],
      ["Value", a.value.id],
      ["User", a.manager.user.id],
      ["Membership", a.member.membership.id],
      ["Invitation", invitation.id],
      ["Observation", observation.id],
      ["Organization", org],
    ];
    for (const [targetType, targetId] of shown)
      await event({ organizationId: org, actorUserId: a.admin.user.id, action: "x.test", targetType, targetId });

    const rows = (await listAuditEvents(adminA, { action: "x.test" })).rows.reverse();
    expect(rows.map((r) => [r.targetLabel, r.targetName])).toEqual([
      ["Behaviour", a.behaviour.title],
      ["Behaviour", a.behaviour.title],
      ["Team", a.team.name],
      ["Value", a.value.name],
      ["Person", a.manager.user.name],
      ["Member", a.member.user.name],
      ["Invitation", "nia@example.test"],
      ["Observation", `${a.behaviour.title} · ${a.team.name}`],
      ["Organisation", "Alpha names"],
    ]);
    // The ids stay on the record (and in the export), beside the names.
    expect(rows[0]!.targetId).toBe(a.behaviour.id);
    const csv = parseCsv(await readText(exportAuditCsv(adminA, { action: "x.test" })));
    expect(csv[0]![8]).toBe("target_name");
    expect(csv.slice(1).map((r) => r[8])).toEqual(rows.map((r) => r.targetName).reverse());
  });

  it("names rituals, meetings, webhooks, their deliveries and cues", async () => {
    const { a, b, adminA } = await setUp();
    const org = a.org.id;
    const ritual = await db().ritual.create({
      data: {
        organizationId: org,
        kind: "RETROSPECTIVE",
        title: "Desk retro",
        teamId: a.team.id,
        cadence: "WEEKLY",
        weekday: 5,
        startsOn: new Date("2026-10-02T00:00:00Z"),
        facilitatorId: a.manager.membership.id,
        createdById: a.admin.membership.id,
      },
      select: { id: true },
    });
    const occurrence = await db().ritualOccurrence.create({
      data: {
        organizationId: org,
        ritualId: ritual.id,
        date: new Date("2026-10-02T00:00:00Z"),
        periodStart: new Date("2026-09-28T00:00:00Z"),
      },
      select: { id: true },
    });
    const webhook = await db().webhook.create({
      data: {
        organizationId: org,
        name: "Desk channel",
        url: "https://hooks.example.com/x",
        format: "SLACK",
        secret: "",
      },
      select: { id: true },
    });
    const delivery = await db().webhookDelivery.create({
      data: { organizationId: org, webhookId: webhook.id, event: "cue", body: "{}" },
      select: { id: true },
    });
    const cue = await db().behaviourCue.create({
      data: {
        organizationId: org,
        behaviourId: a.behaviour.id,
        message: "Before closing a ticket, ask the customer to confirm the fix works for them",
        weekdays: [1],
        localTime: "09:00",
      },
      select: { id: true },
    });
    // Another organisation's webhook, named by this organisation's event: never named.
    const foreign = await db().webhook.create({
      data: {
        organizationId: b.org.id,
        name: "Beta secret channel",
        url: "https://hooks.example.com/y",
        format: "SLACK",
        secret: "",
      },
      select: { id: true },
    });
    const shown: [string, string][] = [
      ["Ritual", ritual.id],
      ["RitualOccurrence", occurrence.id],
      ["Webhook", webhook.id],
      ["WebhookDelivery", delivery.id],
      ["BehaviourCue", cue.id],
      ["Webhook", foreign.id],
    ];
    for (const [targetType, targetId] of shown)
      await event({ organizationId: org, actorUserId: a.admin.user.id, action: "r.test", targetType, targetId });
    const rows = (await listAuditEvents(adminA, { action: "r.test" })).rows.reverse();
    expect(rows.map((r) => [r.targetLabel, r.targetName])).toEqual([
      ["Ritual", "Desk retro"],
      ["Meeting", "Desk retro · 2026-10-02"],
      ["Webhook", "Desk channel"],
      ["Webhook delivery", "Desk channel · cue"],
      ["Cue", `${a.behaviour.title}: “Before closing a ticket, ask the…”`],
      ["Webhook", "(deleted)"],
    ]);
  });

  it("names spot checks, video-test terms (a removed one by its recorded term), jobs by their queue and API tokens", async () => {
    const { a, b, adminA } = await setUp();
    const org = a.org.id;
    const check = await db().spotCheck.create({
      data: {
        organizationId: org,
        behaviourId: a.behaviour.id,
        teamId: a.team.id,
        observerId: a.manager.membership.id,
        startsOn: new Date("2026-10-05T00:00:00Z"),
        endsOn: new Date("2026-10-09T00:00:00Z"),
      },
      select: { id: true },
    });
    const term = await db().videoTestTerm.create({
      data: { organizationId: org, term: "delight" },
      select: { id: true },
    });
    const removed = await db().videoTestTerm.create({
      data: { organizationId: org, term: "wow" },
      select: { id: true },
    });
    await db().videoTestTerm.delete({ where: { id: removed.id } });
    const token = await db().apiToken.create({
      data: {
        organizationId: org,
        name: "Ticket tool",
        tokenHash: `hash-${Math.random()}`,
        prefix: "cdt_abc123",
        createdById: a.admin.membership.id,
      },
      select: { id: true },
    });
    const instance = await boss();
    const job = await instance.send("database.analyze", { organizationId: org });
    const foreignJob = await instance.send("database.analyze", { organizationId: b.org.id });
    const shown: [string, string, object?][] = [
      ["SpotCheck", check.id],
      ["VideoTestTerm", term.id],
      ["VideoTestTerm", removed.id, { term: "wow" }],
      ["Job", job!],
      ["Job", foreignJob!],
      ["ApiToken", token.id],
    ];
    for (const [targetType, targetId, details] of shown)
      await event({
        organizationId: org,
        actorUserId: a.admin.user.id,
        action: "s.test",
        targetType,
        targetId,
        details,
      });
    const rows = (await listAuditEvents(adminA, { action: "s.test" })).rows.reverse();
    expect(rows.map((r) => [r.targetLabel, r.targetName])).toEqual([
      ["Spot check", `${a.behaviour.title} · ${a.team.name}`],
      ["Video-test term", "delight"],
      ["Video-test term", "wow (deleted)"],
      ["Job", QUEUES["database.analyze"].label],
      ["Job", "(deleted)"],
      ["API token", "Ticket tool (cdt_abc123…)"],
    ]);
  });

  it("still names a soft-deleted behaviour; a gone team by the name its event recorded, else (deleted)", async () => {
    const { a, adminA } = await setUp();
    const org = a.org.id;
    await db().behaviour.update({ where: { id: a.behaviour.id }, data: { deletedAt: new Date() } });
    const gone = await buildTeam(db(), org, { name: "Night shift" });
    await db().team.delete({ where: { id: gone.id } });
    await event({ organizationId: org, action: "y.behaviour", targetType: "behaviour", targetId: a.behaviour.id });
    await event({
      organizationId: org,
      action: "y.team.delete",
      targetType: "Team",
      targetId: gone.id,
      details: { name: "Night shift" },
    });
    await event({ organizationId: org, action: "y.team.rename", targetType: "Team", targetId: gone.id });
    const rows = (await listAuditEvents(adminA, { action: "y." })).rows;
    expect(rows.map((r) => [r.action, r.targetName])).toEqual([
      ["y.team.rename", "(deleted)"],
      ["y.team.delete", "Night shift (deleted)"],
      ["y.behaviour", a.behaviour.title],
    ]);
  });

  it("never names another organisation's target, even when this organisation's event points at it", async () => {
    const { a, b, adminA } = await setUp();
    const org = a.org.id;
    // e.g. a refused attempt to open another organisation's records by id.
    const foreign: [string, string][] = [
      ["Behaviour", b.behaviour.id],
      ["Team", b.team.id],
      ["Value", b.value.id],
      ["User", b.admin.user.id],
      ["Membership", b.member.membership.id],
      ["Organization", b.org.id],
    ];
    for (const [targetType, targetId] of foreign)
      await event({ organizationId: org, action: "z.denied", targetType, targetId });
    const rows = (await listAuditEvents(adminA, { action: "z." })).rows;
    expect(rows.map((r) => r.targetName)).toEqual(foreign.map(() => "(deleted)"));
    const text = JSON.stringify(rows) + (await readText(exportAuditCsv(adminA, { action: "z." })));
    for (const name of [
      b.behaviour.title,
      b.team.name,
      b.value.name,
      b.admin.user.name,
      b.member.user.name,
      b.org.name,
    ])
      expect(text).not.toContain(name);
  });

  it("looks names up in a fixed number of queries, not one per event", async () => {
    const { a, adminA } = await setUp();
    const org = a.org.id;
    const many = async (count: number, action: string) => {
      for (let i = 0; i < count; i++) {
        const team = await buildTeam(db(), org);
        await event({
          organizationId: org,
          actorUserId: a.leader.user.id,
          action,
          targetType: "Team",
          targetId: team.id,
        });
        await event({ organizationId: org, action, targetType: "Behaviour", targetId: a.behaviour.id });
      }
    };
    await many(2, "q.few");
    await many(20, "q.many");
    const reads = async (action: string) => {
      const { result, queries } = await captureQueries(() => listAuditEvents(adminA, { action }));
      expect(result.rows.every((r) => r.targetName && r.targetName !== "(deleted)")).toBe(true);
      return queries.filter((q) => /^\s*SELECT\b/i.test(q.sql)).length;
    };
    const few = await reads("q.few");
    expect(await reads("q.many")).toBe(few);
    expect(few).toBeLessThanOrEqual(6);
  });
});

afterAll(() => stopBoss());

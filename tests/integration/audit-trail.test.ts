import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { recordAudit, type AuditEntry } from "@/lib/server/audit";
import { auditActorOptions, exportAuditCsv, listAuditEvents } from "@/lib/server/data/audit-trail";
import { ForbiddenError } from "@/lib/server/errors";
import { parseAuditParams, type AuditFilter } from "@/lib/schemas/audit-trail";
import { parseCsv } from "@/lib/domain/csv";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { readText } from "./support/read-text";

let n = 0;
/** Records an event the way the app does, then places it at a fixed time (recordAudit stamps "now"). */
async function event(
  entry: Omit<AuditEntry, "outcome"> & { outcome?: AuditEntry["outcome"] },
  at: string,
): Promise<string> {
  const targetId = entry.targetId ?? `t${(n++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await recordAudit({ outcome: "ok", targetType: "Thing", ...entry, targetId });
  const row = await db().auditEvent.findFirstOrThrow({ where: { targetId }, select: { id: true } });
  await db().auditEvent.update({ where: { id: row.id }, data: { at: new Date(at) } });
  return row.id;
}

async function twoOrgs() {
  const a = await buildOrgScenario(db(), { name: "Alpha audit" });
  const b = await buildOrgScenario(db(), { name: "Beta audit" });
  return {
    a,
    b,
    adminA: await contextFor(a.admin.user.id, a.org.id),
    adminB: await contextFor(b.admin.user.id, b.org.id),
  };
}

/** Every page from the first on, following nextCursor. */
async function allPages(ctx: MemberContext, filter: AuditFilter = {}) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(ctx, filter, cursor);
    pages.push(page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("browsing the audit trail", () => {
  it("shows an admin their organisation's events only, newest first, with actor names from its members", async () => {
    const { a, b, adminA, adminB } = await twoOrgs();
    const ip = "203.0.113.9";
    const created = await event(
      { organizationId: a.org.id, actorUserId: a.manager.user.id, action: "barrier.create", targetType: "Barrier", ip },
      "2026-10-01T09:00:00.000Z",
    );
    const status = await event(
      {
        organizationId: a.org.id,
        actorUserId: a.leader.user.id,
        action: "barrier.status",
        targetType: "Barrier",
        details: { from: "IDENTIFIED", to: "REMOVED" },
      },
      "2026-10-02T09:00:00.000Z",
    );
    // No actor, and an actor who is not a member here (another organisation's admin): both "—".
    await event(
      { organizationId: a.org.id, action: "survey.import", details: { note: "x".repeat(400) } },
      "2026-10-03T09:00:00.000Z",
    );
    await event(
      { organizationId: a.org.id, actorUserId: b.admin.user.id, action: "membership.role" },
      "2026-10-04T09:00:00.000Z",
    );
    // Another organisation's event and one belonging to no organisation (failed sign-in, unknown e-mail).
    const other = await event(
      { organizationId: b.org.id, actorUserId: b.admin.user.id, action: "barrier.create" },
      "2026-10-05T09:00:00.000Z",
    );
    await recordAudit({ action: "auth.sign-in", outcome: "failed", ip, details: { email: "nobody@example.test" } });

    const page = await listAuditEvents(adminA, {});
    expect(page.nextCursor).toBeNull();
    expect(page.rows.map((r) => [r.action, r.actorName])).toEqual([
      ["membership.role", "—"],
      ["survey.import", "—"],
      ["barrier.status", a.leader.user.name],
      ["barrier.create", a.manager.user.name],
    ]);
    const row = page.rows.find((r) => r.id === created)!;
    expect(row).toEqual({
      id: created,
      at: "2026-10-01T09:00:00.000Z",
      actorName: a.manager.user.name,
      action: "barrier.create",
      targetType: "Barrier",
      targetId: row.targetId,
      targetLabel: "Barrier",
      targetName: "(deleted)", // the test's made-up id names no barrier
      outcome: "ok",
      ip,
      details: "",
    });
    // JSON text of the stored value (jsonb keeps its own key order).
    expect(JSON.parse(page.rows.find((r) => r.id === status)!.details)).toEqual({ from: "IDENTIFIED", to: "REMOVED" });
    const long = page.rows[1]!.details;
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);

    // The other organisation's admin sees their one event only; nobody sees the org-less sign-in.
    expect((await listAuditEvents(adminB, {})).rows.map((r) => r.id)).toEqual([other]);
    expect((await listAuditEvents(adminA, { action: "auth" })).rows).toEqual([]);
    expect((await listAuditEvents(adminB, { action: "auth" })).rows).toEqual([]);
  });

  it("filters by action prefix, outcome, actor and inclusive UTC date range", async () => {
    const { a, b, adminA } = await twoOrgs();
    const org = a.org.id;
    const ids = {
      before: await event(
        { organizationId: org, actorUserId: a.manager.user.id, action: "barrier.create" },
        "2026-09-30T23:59:59.999Z",
      ),
      first: await event(
        { organizationId: org, actorUserId: a.manager.user.id, action: "barrier.status", outcome: "denied" },
        "2026-10-01T00:00:00.000Z",
      ),
      last: await event(
        { organizationId: org, actorUserId: a.leader.user.id, action: "behaviour.create" },
        "2026-10-02T23:59:59.999Z",
      ),
      after: await event(
        { organizationId: org, actorUserId: a.leader.user.id, action: "barrier.update", outcome: "failed" },
        "2026-10-03T00:00:00.000Z",
      ),
    };
    await event(
      { organizationId: b.org.id, actorUserId: a.manager.user.id, action: "barrier.create", outcome: "denied" },
      "2026-10-01T12:00:00.000Z",
    );
    const ids_ = async (f: AuditFilter) => (await listAuditEvents(adminA, f)).rows.map((r) => r.id);

    expect(await ids_({ action: "barrier" })).toEqual([ids.after, ids.first, ids.before]);
    expect(await ids_({ action: "barrier.s" })).toEqual([ids.first]);
    expect(await ids_({ action: "behaviour.create" })).toEqual([ids.last]);
    expect(await ids_({ action: "arrier" })).toEqual([]); // a prefix, not a substring
    expect(await ids_({ outcome: "denied" })).toEqual([ids.first]);
    expect(await ids_({ outcome: "failed" })).toEqual([ids.after]);
    expect(await ids_({ actor: a.manager.user.id })).toEqual([ids.first, ids.before]);
    expect(await ids_({ actor: b.admin.user.id })).toEqual([]);
    expect(await ids_({ from: "2026-10-01", to: "2026-10-02" })).toEqual([ids.last, ids.first]);
    expect(await ids_({ from: "2026-10-02" })).toEqual([ids.after, ids.last]);
    expect(await ids_({ to: "2026-09-30" })).toEqual([ids.before]);
    expect(await ids_({ from: "2026-10-01", to: "2026-10-01" })).toEqual([ids.first]);
    expect(await ids_({ from: "2026-10-03", to: "2026-10-01" })).toEqual([]);
    expect(await ids_({ action: "barrier", actor: a.leader.user.id, from: "2026-10-01" })).toEqual([ids.after]);

    const options = await auditActorOptions(adminA);
    expect(options.map((o) => o.userId).sort()).toEqual(
      [a.admin.user.id, a.leader.user.id, a.manager.user.id, a.member.user.id].sort(),
    );
  });

  it("pages newest first by (at, id): every event exactly once, in order, even when events arrive between pages", async () => {
    const { a, b, adminA } = await twoOrgs();
    const org = a.org.id;
    // 120 events, ten to each timestamp, so the id must break ties.
    for (let i = 0; i < 120; i++) {
      const minute = String(Math.floor(i / 10)).padStart(2, "0");
      await event(
        {
          organizationId: org,
          actorUserId: a.member.user.id,
          action: i % 3 === 0 ? "observation.undo" : "barrier.create",
        },
        `2026-10-01T10:${minute}:00.000Z`,
      );
    }
    await event({ organizationId: b.org.id, action: "barrier.create" }, "2026-10-01T10:05:00.000Z");
    const expected = await db().auditEvent.findMany({
      where: { organizationId: org },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true },
    });

    const pages = await allPages(adminA);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const seen = pages.flat().map((r) => r.id);
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(new Set(seen).size).toBe(120);

    // A filtered walk: 40 "observation.undo" events.
    const undo = await allPages(adminA, { action: "observation" });
    expect(undo.map((p) => p.length)).toEqual([40]);

    // A new event after the first page does not shift the second page.
    const first = await listAuditEvents(adminA, {});
    await recordAudit({ organizationId: org, actorUserId: a.admin.user.id, action: "membership.role", outcome: "ok" });
    const second = await listAuditEvents(adminA, {}, first.nextCursor!);
    expect(second.rows.map((r) => r.id)).toEqual(expected.slice(50, 100).map((e) => e.id));
  });

  it("refuses everyone but admins, and an admin's cursor cannot reach into another organisation", async () => {
    const { a, b, adminA } = await twoOrgs();
    await event({ organizationId: a.org.id, action: "barrier.create" }, "2026-10-01T10:00:00.000Z");
    const otherB = await event({ organizationId: b.org.id, action: "barrier.create" }, "2026-10-01T09:00:00.000Z");
    for (const user of [a.leader, a.manager, a.member]) {
      const ctx = await contextFor(user.user.id, a.org.id);
      await expect(listAuditEvents(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportAuditCsv(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(auditActorOptions(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // An admin of one organisation who is only a member of another is refused there.
    await db().membership.create({ data: { organizationId: b.org.id, userId: a.admin.user.id, role: "MEMBER" } });
    await expect(listAuditEvents(await contextFor(a.admin.user.id, b.org.id), {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    // A cursor pointing just after another organisation's newest event still lists this one's only.
    const rows = (await listAuditEvents(adminA, {}, `2026-10-02T00:00:00.000Z_${otherB}`)).rows;
    expect(rows.map((r) => r.action)).toEqual(["barrier.create"]);
    expect(rows.map((r) => r.id)).not.toContain(otherB);
    // Reading wrote nothing; each of the 9 refusals is on the trail as a denied access.
    expect(await db().auditEvent.count({ where: { organizationId: a.org.id, action: { not: "access.denied" } } })).toBe(
      1,
    );
    const denied = await db().auditEvent.findMany({
      where: { organizationId: a.org.id, action: "access.denied" },
      select: { outcome: true, actorUserId: true, details: true },
    });
    expect(denied).toHaveLength(9);
    expect(new Set(denied.map((d) => d.actorUserId))).toEqual(
      new Set([a.leader.user.id, a.manager.user.id, a.member.user.id]),
    );
    expect(
      denied.every(
        (d) => d.outcome === "denied" && (d.details as { permission?: string }).permission === "members.manage",
      ),
    ).toBe(true);
    // The admin refused in organisation B is on B's trail, not A's.
    expect(
      await db().auditEvent.count({
        where: { organizationId: b.org.id, action: "access.denied", actorUserId: a.admin.user.id },
      }),
    ).toBe(1);
  });
});

describe("exporting the audit trail", () => {
  it("writes the filtered events of the organisation as CSV, neutralising formulas, and records the export", async () => {
    const { a, b, adminA } = await twoOrgs();
    const org = a.org.id;
    await event(
      {
        organizationId: org,
        actorUserId: a.leader.user.id,
        action: "barrier.status",
        targetId: '=HYPERLINK("http://evil.example","x")',
        ip: "198.51.100.2",
        details: -1,
      },
      "2026-10-02T08:00:00.000Z",
    );
    await event(
      {
        organizationId: org,
        actorUserId: a.manager.user.id,
        action: "survey.import",
        details: { note: "@SUM(1+1)", long: "y".repeat(400) },
      },
      "2026-10-01T08:00:00.000Z",
    );
    await event(
      { organizationId: b.org.id, action: "barrier.status", targetId: "beta-secret" },
      "2026-10-02T09:00:00.000Z",
    );

    const csv = await readText(exportAuditCsv(adminA, {}));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "at,actor,action,target_type,target_id,outcome,ip,details,target_name,day,local_time,time_zone",
    );
    // A kind the trail cannot look up is named by its id.
    expect(lines[1]).toBe(
      `2026-10-02T08:00:00.000Z,${a.leader.user.name},barrier.status,Thing,"'=HYPERLINK(""http://evil.example"",""x"")",ok,198.51.100.2,'-1,"'=HYPERLINK(""http://evil.example"",""x"")",2026-10-02,08:00:00,UTC`,
    );
    expect(csv).not.toContain("beta-secret");
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    // Details are exported in full, not cut like on the page.
    expect(JSON.parse(rows[2]![7]!)).toEqual({ note: "@SUM(1+1)", long: "y".repeat(400) });

    // The export is itself in the trail, with who took it and how many rows.
    const page = await listAuditEvents(adminA, { action: "audit.export" });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ actorName: a.admin.user.name, outcome: "ok" });
    expect(JSON.parse(page.rows[0]!.details)).toEqual({ rows: 2, filter: {} });

    // Filters apply to the export too.
    const filtered = parseCsv(await readText(exportAuditCsv(adminA, { action: "survey" })));
    expect(filtered.map((r) => r[2])).toEqual(["action", "survey.import"]);
    expect(JSON.parse((await listAuditEvents(adminA, { action: "audit.export" })).rows[0]!.details)).toEqual({
      rows: 1,
      filter: { action: "survey" },
    });
  });
});

describe("audit filters in the URL", () => {
  it("keeps good values and drops bad ones", () => {
    expect(
      parseAuditParams({
        action: " Barrier ",
        outcome: "denied",
        actor: "cabc123",
        from: "2026-10-01",
        to: "2026-10-31",
      }),
    ).toEqual({
      filter: { action: "barrier", outcome: "denied", actor: "cabc123", from: "2026-10-01", to: "2026-10-31" },
      cursor: undefined,
    });
    expect(
      parseAuditParams({
        action: "barrier_%",
        outcome: "maybe",
        actor: "'; drop",
        from: "2026-02-30",
        to: "yesterday",
        cursor: "nonsense",
      }),
    ).toEqual({
      filter: { action: undefined, outcome: undefined, actor: undefined, from: undefined, to: undefined },
      cursor: undefined,
    });
    const sp = new URLSearchParams({ action: "", outcome: "ok", cursor: "2026-10-01T10:00:00.000Z_cabc" });
    expect(parseAuditParams(sp)).toEqual({
      filter: { action: undefined, outcome: "ok", actor: undefined, from: undefined, to: undefined },
      cursor: "2026-10-01T10:00:00.000Z_cabc",
    });
  });
});

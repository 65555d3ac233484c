import { describe, expect, it } from "vitest";
import { db, database } from "@/lib/server/db";
import {
  editObservation,
  logBatch,
  logObservation,
  logOptions,
  undoObservation,
} from "@/lib/server/data/observation-log";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { buildBehaviour, buildObservations, buildOrgScenario, buildTeam, setGroupSize } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";
import { readText } from "./support/read-text";

let keySeq = 0;
const key = () => `key-${Date.now().toString(36)}-${keySeq++}`;

async function scenario() {
  const s = await buildOrgScenario(db());
  // Teams of one or two: these tests are about other rules (the minimum group size: group-size.test.ts).
  await setGroupSize(db(), s.org.id, 1);
  await db().teamMember.create({
    data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
  });
  const ctx = await contextFor(s.member.user.id, s.org.id);
  const base = { behaviourId: s.behaviour.id, teamId: s.team.id, note: "", anonymous: false };
  return { s, ctx, base };
}

/** The summary must always equal a direct count over the raw observations. */
async function expectSummaryMatchesRaw() {
  const raw = await database().sql.query<{ k: string; p: number; m: number }>(
    `SELECT "organizationId" || '/' || "behaviourId" || '/' || "teamId" || '/' || ("occurredAt"::date)::text AS k, SUM("performed")::int AS p, SUM("missed")::int AS m
       FROM "Observation" GROUP BY 1 HAVING SUM("performed") + SUM("missed") > 0 ORDER BY 1`,
  );
  const summary = await database().sql.query<{ k: string; p: number; m: number }>(
    `SELECT "organizationId" || '/' || "behaviourId" || '/' || "teamId" || '/' || "day"::text AS k, "performed" AS p, "missed" AS m
       FROM "ObservationDaily" WHERE "performed" + "missed" > 0 ORDER BY 1`,
  );
  expect(summary).toEqual(raw);
}

describe("logging observations", () => {
  it("logs performed and missed, anonymously without the observer, once per idempotency key", async () => {
    const { s, ctx, base } = await scenario();
    const k = key();
    const first = await logObservation(ctx, { ...base, outcome: "performed", idempotencyKey: k });
    const again = await logObservation(ctx, { ...base, outcome: "performed", idempotencyKey: k });
    expect(again).toEqual({ id: first.id, undoToken: "", duplicate: true });
    await logObservation(ctx, { ...base, outcome: "missed", note: "Release day", idempotencyKey: key() });
    const anon = await logObservation(ctx, { ...base, outcome: "performed", anonymous: true, idempotencyKey: key() });
    const rows = await db().observation.findMany({
      where: { organizationId: s.org.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, performed: true, missed: true, observerId: true, note: true },
    });
    expect(rows.map((r) => [r.performed, r.missed, r.note])).toEqual([
      [1, 0, ""],
      [0, 1, "Release day"],
      [1, 0, ""],
    ]);
    expect(rows.find((r) => r.id === anon.id)?.observerId).toBeNull();
    expect(rows.find((r) => r.id === first.id)?.observerId).toBe(s.member.membership.id);
    await expectSummaryMatchesRaw();
  });

  it("refuses a retired or foreign behaviour, a team the user is not in, a future date and an impossible batch, writing nothing", async () => {
    const { s, ctx, base } = await scenario();
    const other = await buildOrgScenario(db());
    const retired = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Old", status: "RETIRED" },
    );
    const notMine = await buildTeam(db(), s.org.id, { name: "Not mine" });
    const before = await dataCounts();
    await expect(
      logObservation(ctx, { ...base, behaviourId: retired.id, outcome: "performed", idempotencyKey: key() }),
    ).rejects.toMatchObject({ field: "behaviourId" });
    await expect(
      logObservation(ctx, { ...base, behaviourId: other.behaviour.id, outcome: "performed", idempotencyKey: key() }),
    ).rejects.toMatchObject({ field: "behaviourId" });
    await expect(
      logObservation(ctx, { ...base, teamId: notMine.id, outcome: "performed", idempotencyKey: key() }),
    ).rejects.toMatchObject({ field: "teamId" });
    await expect(
      logObservation(ctx, { ...base, teamId: other.team.id, outcome: "performed", idempotencyKey: key() }),
    ).rejects.toMatchObject({ field: "teamId" });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await expect(
      logBatch(ctx, { ...base, performed: 1, opportunities: 2, occurredOn: tomorrow, idempotencyKey: key() }),
    ).rejects.toMatchObject({ field: "occurredOn" });
    expect(await dataCounts()).toEqual(before);
  });

  it("logs a tap queued offline at the moment it was made, once, within 7 days and not in the future", async () => {
    const { s, ctx, base } = await scenario();
    const now = new Date("2026-11-20T10:00:00Z");
    const k = key();
    const tappedAt = "2026-11-17T16:30:00.000Z"; // three days before, sent when the phone is back online
    const first = await logObservation(ctx, { ...base, outcome: "missed", idempotencyKey: k, tappedAt }, now);
    // Sent again (the page was closed before the answer came): the same entry, not a second one.
    const again = await logObservation(ctx, { ...base, outcome: "missed", idempotencyKey: k, tappedAt }, now);
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    const row = await db().observation.findUniqueOrThrow({ where: { id: first.id }, select: { occurredAt: true } });
    expect(row.occurredAt.toISOString()).toBe(tappedAt);
    const before = await dataCounts();
    for (const [at, message] of [
      ["2026-11-13T09:59:00.000Z", /more than 7 days ago/],
      ["2026-11-20T10:06:00.000Z", /in the future/],
    ] as const)
      await expect(
        logObservation(ctx, { ...base, outcome: "performed", idempotencyKey: key(), tappedAt: at }, now),
      ).rejects.toMatchObject({ field: "tappedAt", message: expect.stringMatching(message) });
    expect(await dataCounts()).toEqual(before);
    await expectSummaryMatchesRaw();
    expect(await db().observation.count({ where: { organizationId: s.org.id } })).toBe(1);
  });

  it("lets the logging browser undo or correct an entry for 24 hours, and nobody else", async () => {
    const { ctx, base, s } = await scenario();
    const a = await logObservation(ctx, { ...base, outcome: "performed", idempotencyKey: key() });
    const b = await logObservation(ctx, { ...base, outcome: "performed", anonymous: true, idempotencyKey: key() });
    await expect(undoObservation(ctx, a.id, "x".repeat(32))).rejects.toBeInstanceOf(NotFoundError);
    await expect(undoObservation(ctx, a.id, a.undoToken, new Date(Date.now() + 25 * 3_600_000))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const manager = await contextFor(s.manager.user.id, s.org.id);
    const other = await buildOrgScenario(db());
    await expect(
      undoObservation(await contextFor(other.admin.user.id, other.org.id), a.id, a.undoToken),
    ).rejects.toBeInstanceOf(NotFoundError);
    await editObservation(manager, b.id, b.undoToken, { outcome: "missed", note: "Actually missed" }); // same browser, anonymous entry
    await undoObservation(ctx, a.id, a.undoToken);
    const rows = await db().observation.findMany({
      where: { organizationId: s.org.id },
      select: { id: true, performed: true, missed: true, note: true },
    });
    expect(rows).toEqual([{ id: b.id, performed: 0, missed: 1, note: "Actually missed" }]);
    await expectSummaryMatchesRaw();
  });

  it("logs a variant's observation against its parent and offers the team's most-used behaviours", async () => {
    const { s, ctx, base } = await scenario();
    const variant = await db().behaviour.create({
      data: {
        organizationId: s.org.id,
        valueId: s.value.id,
        ownerId: s.leader.membership.id,
        authorId: s.leader.membership.id,
        title: "Variant",
        actor: "a",
        action: "b",
        trigger: "c",
        frequency: "d",
        completionCriterion: "e",
        customerOutcome: "f",
        status: "ACTIVE",
        parentId: s.behaviour.id,
        teamId: s.team.id,
      },
    });
    const logged = await logObservation(ctx, {
      ...base,
      behaviourId: variant.id,
      outcome: "performed",
      idempotencyKey: key(),
    });
    expect((await db().observation.findUniqueOrThrow({ where: { id: logged.id } })).behaviourId).toBe(s.behaviour.id);
    const options = await logOptions(ctx);
    expect(options.teams).toEqual([{ id: s.team.id, name: s.team.name }]);
    expect(options.behaviours.map((b) => b.id)).toEqual([s.behaviour.id]);
    expect(options.usage[s.team.id]).toEqual({ [s.behaviour.id]: 1 });
  });
});

describe("the daily summary", () => {
  it("equals a direct count after a random sequence of logs, batches, imports, edits, moves and deletes", async () => {
    const { s, ctx, base } = await scenario();
    const team2 = await buildTeam(db(), s.org.id, { name: "Second team" });
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: team2.id, membershipId: s.member.membership.id },
    });
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tokens: { id: string; token: string }[] = [];
    for (let i = 0; i < 120; i++) {
      const r = rand();
      const teamId = rand() < 0.5 ? s.team.id : team2.id;
      if (r < 0.35) {
        const l = await logObservation(ctx, {
          ...base,
          teamId,
          outcome: rand() < 0.6 ? "performed" : "missed",
          anonymous: rand() < 0.2,
          idempotencyKey: key(),
        });
        tokens.push({ id: l.id, token: l.undoToken });
      } else if (r < 0.5) {
        const opportunities = 1 + Math.floor(rand() * 6);
        const day = new Date(Date.now() - Math.floor(rand() * 20) * 86_400_000).toISOString().slice(0, 10);
        await logBatch(ctx, {
          ...base,
          teamId,
          performed: Math.floor(rand() * (opportunities + 1)),
          opportunities,
          occurredOn: day,
          idempotencyKey: key(),
        });
      } else if (r < 0.62) {
        // An import writes many rows in one statement.
        await buildObservations(
          db(),
          Array.from({ length: 1 + Math.floor(rand() * 5) }, () => ({
            organizationId: s.org.id,
            behaviourId: s.behaviour.id,
            teamId,
            occurredAt: new Date(Date.now() - Math.floor(rand() * 30) * 86_400_000),
            performed: rand() < 0.5 ? 1 : 0,
            missed: 1,
          })),
        );
      } else if (r < 0.75 && tokens.length) {
        const t = tokens[Math.floor(rand() * tokens.length)]!;
        await editObservation(ctx, t.id, t.token, {
          outcome: rand() < 0.5 ? "performed" : "missed",
          note: "edited",
        }).catch(() => undefined);
      } else if (r < 0.85) {
        // A correction that moves an entry to another day and team.
        const any = await db().observation.findFirst({
          where: { organizationId: s.org.id },
          orderBy: { id: "asc" },
          skip: Math.floor(rand() * 5),
          select: { id: true },
        });
        if (any)
          await db().observation.update({
            where: { id: any.id },
            data: { occurredAt: new Date(Date.now() - Math.floor(rand() * 10) * 86_400_000), teamId },
          });
      } else if (tokens.length) {
        const t = tokens.splice(Math.floor(rand() * tokens.length), 1)[0]!;
        await undoObservation(ctx, t.id, t.token).catch(() => undefined);
      }
    }
    expect(await db().observation.count({ where: { organizationId: s.org.id } })).toBeGreaterThan(50);
    await expectSummaryMatchesRaw();
    // A bulk delete (e.g. removing a team) keeps it true too.
    await db().observation.deleteMany({ where: { organizationId: s.org.id, teamId: team2.id } });
    await expectSummaryMatchesRaw();
    expect(await db().observationDaily.count({ where: { organizationId: s.org.id, teamId: team2.id } })).toBe(0);
  }, 120_000);
});

describe("observer coverage", () => {
  it("lists team × active behaviour pairs unobserved for 14 days, for managers only", async () => {
    const { listCoverageGaps } = await import("@/lib/server/data/coverage");
    const { s, ctx } = await scenario();
    const manager = await contextFor(s.manager.user.id, s.org.id);
    expect(await listCoverageGaps(manager)).toEqual([
      {
        teamId: s.team.id,
        teamName: s.team.name,
        behaviourId: s.behaviour.id,
        behaviourTitle: s.behaviour.title,
        lastDay: null,
      },
    ]);
    // Only the window is read for pairs seen in it; for the others, their last day before it.
    const old = new Date(Date.now() - 20 * 86_400_000);
    const older = new Date(Date.now() - 300 * 86_400_000);
    await buildObservations(
      db(),
      [old, older].map((occurredAt) => ({
        organizationId: s.org.id,
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        occurredAt,
      })),
    );
    expect((await listCoverageGaps(manager))[0]?.lastDay).toBe(old.toISOString().slice(0, 10));
    expect(await listCoverageGaps(manager, new Date(), { teamId: s.team.id })).toHaveLength(1);
    // The last day of the window still counts as in it (14 days including today).
    const edge = new Date(Date.now() - 13 * 86_400_000);
    await buildObservations(db(), [
      { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id, occurredAt: edge },
    ]);
    expect(await listCoverageGaps(manager)).toEqual([]);
    await buildObservations(db(), [{ organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id }]);
    expect(await listCoverageGaps(manager)).toEqual([]);
    await expect(listCoverageGaps(ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("honesty guard", () => {
  it("shows leaders streaks and bursts by named observers in the last 30 days", async () => {
    const { listHonestyFlags } = await import("@/lib/server/data/honesty");
    const { ForbiddenError } = await import("@/lib/server/errors");
    const { s, ctx } = await scenario();
    const start = Date.now() - 2 * 86_400_000;
    const row = (i: number, over: Record<string, unknown> = {}) => ({
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId: s.team.id,
      observerId: s.member.membership.id,
      occurredAt: new Date(start + i * 600_000),
      createdAt: new Date(start + i * 600_000),
      performed: 1,
      missed: 0,
      source: "LOG" as const,
      ...over,
    });
    await db().observation.createMany({
      data: [
        ...Array.from({ length: 31 }, (_, i) => row(i)), // a streak, ten minutes apart
        ...Array.from({ length: 6 }, (_, i) =>
          row(100, { createdAt: new Date(start + 100 * 600_000 + i * 5_000), performed: i % 2, missed: 1 - (i % 2) }),
        ), // a burst
        ...Array.from({ length: 40 }, (_, i) => row(200 + i, { observerId: null, anonymous: true })), // anonymous: never scanned
      ],
    });
    // The guard names people, so only admins read it (docs/decisions/036); a leader is refused.
    const leader = await contextFor(s.leader.user.id, s.org.id);
    await expect(listHonestyFlags(leader)).rejects.toBeInstanceOf(ForbiddenError);
    const flags = await listHonestyFlags(await contextFor(s.admin.user.id, s.org.id));
    expect(flags.map((f) => [f.kind, f.observerName, f.count])).toEqual([
      ["burst", s.member.user.name, 6],
      ["streak", s.member.user.name, 31],
    ]);
    await expect(listHonestyFlags(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listHonestyFlags(await contextFor(s.manager.user.id, s.org.id))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("observation CSV import and export", () => {
  it("previews per-row errors, imports all rows or none, and exports what it imported", async () => {
    const { commitObservationImport, exportObservationsCsv, previewObservationImport } =
      await import("@/lib/server/data/observation-transfer");
    const { s, ctx } = await scenario();
    const manager = await contextFor(s.manager.user.id, s.org.id);
    const today = new Date().toISOString().slice(0, 10);
    const good = `date,team,behaviour,performed,missed,note\n${today},${s.team.name},${s.behaviour.title.toUpperCase()},4,1,"sprint review, Tuesday"\n`;
    const bad = `${good}${today},No such team,${s.behaviour.title},1,0,\n${today},${s.team.name},Unknown behaviour,1,0,\n`;

    const preview = await previewObservationImport(manager, bad);
    expect(preview.importable).toBe(1);
    expect(preview.rows.map((r) => r.errors)).toEqual([
      [],
      ["No team called “No such team”."],
      ["No active behaviour titled “Unknown behaviour”."],
    ]);
    const before = await dataCounts();
    await expect(commitObservationImport(manager, bad)).rejects.toThrow(/2 row\(s\) have errors; nothing was imported/);
    expect(await dataCounts()).toEqual(before);

    expect(await commitObservationImport(manager, good)).toBe(1);
    await expectSummaryMatchesRaw();
    const csv = await readText(exportObservationsCsv(manager, { team: s.team.id, from: today, to: today }));
    expect(csv).toBe(
      `date,team,behaviour,performed,missed,note\r\n${today},${s.team.name},${s.behaviour.title},4,1,"sprint review, Tuesday"\r\n`,
    );
    await expect(previewObservationImport(ctx, good)).rejects.toThrow(); // members cannot import
  });
});

describe("team adoption", () => {
  it("reports a team's adoption from the summary, and another organisation's team as not found", async () => {
    const { getTeam, listTeams } = await import("@/lib/server/data/teams");
    const { s, ctx } = await scenario();
    const other = await buildOrgScenario(db());
    const base = { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id };
    await buildObservations(db(), [
      ...Array.from({ length: 6 }, () => ({ ...base, performed: 1, missed: 0 })),
      ...Array.from({ length: 2 }, () => ({ ...base, performed: 0, missed: 1 })),
      { ...base, occurredAt: new Date(Date.now() - 60 * 86_400_000) }, // older than 28 days
    ]);
    expect(await listTeams(ctx)).toEqual([
      {
        id: s.team.id,
        name: s.team.name,
        valueStream: null,
        archived: false,
        adoption28d: { performed: 6, opportunities: 8, rate: 0.75 },
        suppressed: null,
        minGroupSize: 1,
      },
    ]);
    const team = await getTeam(ctx, s.team.id);
    expect(team.behaviours).toEqual([
      { id: s.behaviour.id, title: s.behaviour.title, adoption28d: { performed: 6, opportunities: 8, rate: 0.75 } },
    ]);
    expect(team.weeks.at(-1)).toMatchObject({ performed: 6, opportunities: 8, rate: 0.75 });
    expect(team.weeks.reduce((n, w) => n + w.opportunities, 0)).toBe(9);
    await expect(getTeam(ctx, other.team.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the observation list", () => {
  it("filters by team, behaviour and inclusive dates, within the organisation", async () => {
    const { listRecentObservations } = await import("@/lib/server/data/observations");
    const { s, ctx } = await scenario();
    const other = await buildOrgScenario(db());
    const team2 = await buildTeam(db(), s.org.id, { name: "Filter team" });
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    const base = { organizationId: s.org.id, behaviourId: s.behaviour.id };
    await buildObservations(db(), [
      { ...base, teamId: s.team.id, occurredAt: at("2026-10-01"), note: "a" },
      { ...base, teamId: s.team.id, occurredAt: at("2026-10-05"), note: "b" },
      { ...base, teamId: team2.id, occurredAt: at("2026-10-05"), note: "c" },
      {
        organizationId: other.org.id,
        behaviourId: other.behaviour.id,
        teamId: other.team.id,
        occurredAt: at("2026-10-05"),
        note: "other org",
      },
    ]);
    const notes = async (f: Parameters<typeof listRecentObservations>[1]) =>
      (await listRecentObservations(ctx, f)).map((r) => r.note);
    const all = await notes({});
    expect([...all].sort()).toEqual(["a", "b", "c"]); // never the other organisation's
    expect(all.at(-1)).toBe("a"); // newest first
    expect(await notes({ team: team2.id })).toEqual(["c"]);
    expect(await notes({ from: "2026-10-05", to: "2026-10-05", team: s.team.id })).toEqual(["b"]);
    expect(await notes({ to: "2026-10-01" })).toEqual(["a"]);
    expect(await notes({ behaviour: other.behaviour.id })).toEqual([]);
  });
});

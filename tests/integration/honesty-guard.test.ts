// The honesty guard over the whole window (issue 15, item 13): it used to read at most 50,000 rows,
// so in a large organisation the members sorted after them were never checked.
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { listHonestyFlags } from "@/lib/server/data/honesty";
import { honestyFlags } from "@/lib/domain/honesty";
import { formatSpan } from "@/lib/domain/date-instants";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

const DAY = 86_400_000;

/** `count` LOG entries of one observer, `stepMs` apart from `start`, performed as `performed(g)` says (SQL). */
async function insertEntries(
  s: Awaited<ReturnType<typeof buildOrgScenario>>,
  observerId: string,
  opts: { prefix: string; count: number; start: Date; stepMs: number; performed: string },
) {
  await database().sql.query(
    `INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "observerId", "occurredAt", "createdAt", "updatedAt", "performed", "missed", "source")
     SELECT $1 || g, $2, $3, $4, $5, t, t, t, p, 1 - p, 'LOG'::"ObservationSource"
       FROM generate_series(1, $6::int) g,
            LATERAL (SELECT $7::timestamp(3) + g * ($8::int * interval '1 millisecond') AS t, (${opts.performed})::int AS p) x`,
    [opts.prefix, s.org.id, s.behaviour.id, s.team.id, observerId, opts.count, opts.start.toISOString(), opts.stepMs],
  );
}

/** What the guard found before it moved into SQL: every row of the window through honestyFlags. */
async function inMemoryGuard(orgId: string, now: Date) {
  const rows = await db().observation.findMany({
    where: {
      organizationId: orgId,
      observerId: { not: null },
      source: "LOG",
      createdAt: { gte: new Date(now.getTime() - 30 * DAY) },
    },
    orderBy: [{ observerId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { observerId: true, createdAt: true, performed: true, missed: true },
  });
  return honestyFlags(
    rows.map((r) => ({
      observerId: r.observerId!,
      at: r.createdAt.getTime(),
      performed: r.performed,
      missed: r.missed,
    })),
  );
}

describe("honesty guard at scale", () => {
  it("checks the member whose entries come after the first 50,000 rows of the window", async () => {
    const s = await buildOrgScenario(db());
    const reviewer = await contextFor(s.admin.user.id, s.org.id);
    const now = new Date();
    // The old query read rows by observer id: the busy observer first, then the one with a streak.
    const [busy, late] = [s.member.membership.id, s.manager.membership.id].sort();
    await insertEntries(s, busy!, {
      prefix: "busy-",
      count: 50_001,
      start: new Date(now.getTime() - 29.5 * DAY),
      stepMs: 50_000, // 50 s apart, performed and missed in turn: neither a burst nor a streak
      performed: "g % 2",
    });
    await insertEntries(s, late!, {
      prefix: "late-",
      count: 30,
      start: new Date(now.getTime() - 2 * DAY),
      stepMs: 600_000,
      performed: "1",
    });
    const flags = await listHonestyFlags(reviewer, now);
    const lateName = late === s.member.membership.id ? s.member.user.name : s.manager.user.name;
    expect(flags.map((f) => [f.kind, f.observerName, f.count])).toEqual([["streak", lateName, 30]]);
  }, 300_000);

  it("finds exactly what honestyFlags finds over every row, streaks and (overlapping) bursts included", async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const now = new Date();
    for (let round = 0; round < 4; round++) {
      const s = await buildOrgScenario(db());
      const reviewer = await contextFor(s.admin.user.id, s.org.id);
      const observers = [s.member, s.manager, s.leader, s.admin].map((m) => m.membership.id);
      const rows = [];
      for (const observerId of observers) {
        let t = now.getTime() - 31 * DAY; // some entries fall before the window
        for (let i = 0; i < 300; i++) {
          const r = rand();
          // Gaps from a second to an hour, so windows of five qualify, overlap and break off.
          t += r < 0.45 ? 1_000 + rand() * 15_000 : r < 0.6 ? 15_000 + rand() * 60_000 : rand() * 4 * 3_600_000;
          if (rand() < 0.05) t -= 20_000; // entries logged out of order, and equal times
          const good = rand() < 0.93;
          rows.push({
            organizationId: s.org.id,
            behaviourId: s.behaviour.id,
            teamId: s.team.id,
            observerId: rand() < 0.03 ? null : observerId,
            anonymous: false,
            source: rand() < 0.03 ? ("IMPORT" as const) : ("LOG" as const),
            occurredAt: new Date(Math.floor(t)),
            createdAt: new Date(Math.min(Math.floor(t), now.getTime())),
            performed: good ? 1 : rand() < 0.5 ? 1 : 0,
            missed: good ? 0 : 1,
          });
        }
      }
      await db().observation.createMany({ data: rows });
      const expected = await inMemoryGuard(s.org.id, now);
      const names = new Map([s.member, s.manager, s.leader, s.admin].map((m) => [m.membership.id, m.user.name]));
      const want = expected
        .map((f) => ({
          kind: f.kind,
          observerName: names.get(f.observerId)!,
          count: f.count,
          from: new Date(f.from).toISOString(),
          to: new Date(f.to).toISOString(),
          span: formatSpan(f.from, f.to, "UTC"),
        }))
        .sort((a, b) => b.to.localeCompare(a.to));
      expect(want.some((f) => f.kind === "burst") && want.some((f) => f.kind === "streak")).toBe(true);
      expect(await listHonestyFlags(reviewer, now)).toEqual(want);
    }
  });
});

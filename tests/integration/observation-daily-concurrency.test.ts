// Issue 15, item 12: the daily-summary trigger deadlocked on PostgreSQL when two transactions wrote
// the same team and day in opposite orders (concurrent imports do). Bulk writes go in (behaviour,
// team, day) order and a deadlock victim is retried; the summary must then equal a raw GROUP BY.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { db, database } from "@/lib/server/db";
import { isDeadlock, retryOnDeadlock } from "@/lib/server/db-errors";
import { logBatch } from "@/lib/server/data/observation-log";
import { commitObservationImport } from "@/lib/server/data/observation-transfer";
import { buildBehaviour, buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";

const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);

async function expectSummaryMatchesRaw(orgId: string) {
  const raw = await database().sql.query<{ k: string; p: number; m: number }>(
    `SELECT "behaviourId" || '/' || "teamId" || '/' || ("occurredAt"::date)::text AS k, SUM("performed")::int AS p, SUM("missed")::int AS m
       FROM "Observation" WHERE "organizationId" = $1 GROUP BY 1 ORDER BY 1`,
    [orgId],
  );
  const summary = await database().sql.query<{ k: string; p: number; m: number }>(
    `SELECT "behaviourId" || '/' || "teamId" || '/' || "day"::text AS k, "performed" AS p, "missed" AS m
       FROM "ObservationDaily" WHERE "organizationId" = $1 ORDER BY 1`,
    [orgId],
  );
  expect(summary).toEqual(raw);
  return raw.length;
}

/**
 * Commits `rounds` files, one after another, concurrently with the caller's other work. On
 * PostgreSQL in a child process, so that two importers' statements truly overlap (in one Node
 * process the query preparation of one import ran while the other's statement finished); PGlite
 * is one connection in this process, so there the imports run here.
 */
async function importConcurrently(
  orgId: string,
  userId: string,
  rounds: number,
  write: (round: number) => string,
): Promise<string[]> {
  if (database().kind !== "postgres") {
    const admin = await contextFor(userId, orgId);
    const lines: string[] = [];
    for (let round = 0; round < rounds; round++)
      lines.push(
        await commitObservationImport(admin, write(round)).then(
          (n) => `OK ${n}`,
          (err: unknown) => `FAIL ${round} ${String(err)}`,
        ),
      );
    return lines;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "conduct-import-"));
  try {
    for (let round = 0; round < rounds; round++) writeFileSync(path.join(dir, `f-${round}.csv`), write(round));
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "tests/integration/support/observation-importer.ts",
        orgId,
        userId,
        dir,
        "f",
        String(rounds),
      ],
      { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
    );
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on("line", (line) => lines.push(line));
    await new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`importer exited with ${code}`))));
    });
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the daily summary under concurrent writes", () => {
  it("concurrent imports (rows in opposite orders) and batch logs all succeed, 50 rounds, and the summary equals the raw counts", async () => {
    const s = await buildOrgScenario(db());
    const teams = [s.team, ...(await Promise.all([1, 2, 3].map(() => buildTeam(db(), s.org.id))))];
    const second = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    await db().teamMember.createMany({
      data: teams.map((t) => ({ organizationId: s.org.id, teamId: t.id, membershipId: s.manager.membership.id })),
    });
    const manager = await contextFor(s.manager.user.id, s.org.id);
    const cells = [s.behaviour, second].flatMap((b) =>
      teams.flatMap((t) => Array.from({ length: 100 }, (_, ago) => ({ b, t, date: day(ago) }))),
    );
    const file = (round: number, list: typeof cells) =>
      `date,team,behaviour,performed,missed,note\n${list.map((c) => `${c.date},${c.t.name},${c.b.title},1,1,round ${round}`).join("\n")}\n`;
    const rounds = 50;
    const logs = { ok: 0 };
    const logging = (async () => {
      // Batch logs into the same cells while the imports run.
      for (let i = 0; i < 4 * rounds; i++) {
        const c = cells[(i * 7) % cells.length]!;
        await logBatch(manager, {
          behaviourId: c.b.id,
          teamId: c.t.id,
          performed: 2,
          opportunities: 3,
          note: "",
          anonymous: false,
          idempotencyKey: `deadlock-${i}`,
          occurredOn: c.date,
        });
        logs.ok++;
      }
    })();
    const importers = [
      (round: number) => file(round, cells),
      (round: number) => file(round + 1000, [...cells].reverse()),
    ];
    const outcomes = await Promise.all([
      ...importers.map((write) => importConcurrently(s.org.id, s.admin.user.id, rounds, write)),
      logging.then(() => []),
    ]);
    expect(outcomes.flat().filter((line) => !line.startsWith("OK "))).toEqual([]);
    expect(outcomes.flat()).toHaveLength(2 * rounds);
    const logCount = logs.ok;
    expect(await expectSummaryMatchesRaw(s.org.id)).toBe(cells.length);
    const total = await db().observationDaily.aggregate({
      where: { organizationId: s.org.id },
      _sum: { performed: true, missed: true },
    });
    expect(total._sum).toEqual({
      performed: 2 * rounds * cells.length + 2 * logCount,
      missed: 2 * rounds * cells.length + logCount,
    });
  }, 300_000);

  it("runs a deadlock victim's transaction again (two transactions locking two rows in opposite orders)", async () => {
    const a = await buildOrgScenario(db());
    const b = await buildOrgScenario(db());
    // Each transaction renames one organisation, waits until the other has too, then renames the other.
    const barrier = () => {
      let arrived = 0;
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return () => {
        arrived++;
        if (arrived === 2) open();
        // PGlite is one connection: the second transaction only starts when the first ends.
        return Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 200))]);
      };
    };
    const meet = barrier();
    let attempts = 0;
    let deadlocks = 0;
    const rename = (first: string, then: string, name: string) =>
      retryOnDeadlock(async () => {
        attempts++;
        try {
          await db().$transaction(async (tx) => {
            await tx.organization.update({ where: { id: first }, data: { name: `${name} 1` } });
            await meet();
            await tx.organization.update({ where: { id: then }, data: { name: `${name} 2` } });
          });
        } catch (err) {
          if (isDeadlock(err)) deadlocks++;
          throw err;
        }
      });
    await Promise.all([rename(a.org.id, b.org.id, "A"), rename(b.org.id, a.org.id, "B")]);
    // Whichever ran last renamed both: both transactions completed, the victim on its second attempt.
    const names = await db().organization.findMany({
      where: { id: { in: [a.org.id, b.org.id] } },
      select: { name: true },
    });
    expect(names).toHaveLength(2);
    expect(attempts).toBe(2 + deadlocks);
    if (database().kind === "postgres") expect(deadlocks).toBe(1);
  }, 60_000);
});

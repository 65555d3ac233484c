// Issue 19, "faster per process": does the Log tap's database work cost the web process less as raw SQL
// through the adapter ($queryRaw, typed results) than through Prisma's query compiler? The tap's two
// statements after the session (the target check: an active behaviour of the organisation and the caller in
// the team; the insert, with the daily summary's trigger) are run both ways on the bench's PostgreSQL data
// set, in alternating blocks, one after another (the cost per tap) and ten at a time (as under load), and
// the Node process's own CPU per tap is reported beside the wall time: the web process is what saturates.
//   npx tsx --conditions=react-server bench/tap-statements.ts [taps per block=500]
import { randomBytes } from "node:crypto";
import { ensureDataset } from "./dataset";
import { round } from "./stats";

const perBlock = Number(process.argv[2] ?? 500);
const ds = await ensureDataset("postgres", { log: (s) => console.log(s) });
process.env.DATABASE_URL = ds.databaseUrl!;
process.env.CONDUCT_DATA_DIR = ds.dataDir;
const { db, closeDatabase } = await import("@/lib/server/db");
const { Prisma } = await import("@/generated/prisma/client");

const prisma = db();
const member = await prisma.membership.findFirstOrThrow({
  where: { organizationId: ds.large.orgId, user: { email: ds.large.memberEmail } },
  select: { id: true },
});
const orgId = ds.large.orgId;
const { behaviourId, teamId } = ds.large;
const runId = Date.now().toString(36);
let n = 0;
const key = () => `tapbench-${runId}-${(n++).toString(36)}`;
const hash = () => randomBytes(32).toString("hex");

/** As src/lib/server/data/observation-log.ts does it: the Prisma client. */
async function viaPrisma(): Promise<void> {
  const valid = await prisma.behaviour.findFirst({
    where: {
      id: behaviourId,
      organizationId: orgId,
      deletedAt: null,
      status: "ACTIVE",
      organization: {
        teamMembers: {
          some: { organizationId: orgId, teamId, membershipId: member.id, team: { archivedAt: null } },
        },
      },
    },
    select: { id: true, parentId: true },
  });
  if (!valid) throw new Error("the bench member cannot log for the bench team");
  await prisma.observation.create({
    data: {
      organizationId: orgId,
      behaviourId: valid.parentId ?? valid.id,
      teamId,
      observerId: member.id,
      performed: 1,
      missed: 0,
      note: "",
      anonymous: false,
      idempotencyKey: key(),
      occurredAt: new Date(),
      source: "LOG",
      undoTokenHash: hash(),
    },
    select: { id: true },
  });
}

/** The same two statements as raw SQL through the same adapter. */
async function viaRawSql(): Promise<void> {
  const rows = await prisma.$queryRaw<{ id: string; parentId: string | null }[]>(Prisma.sql`
    SELECT b."id", b."parentId" FROM "Behaviour" b
     WHERE b."id" = ${behaviourId} AND b."organizationId" = ${orgId} AND b."deletedAt" IS NULL AND b."status" = 'ACTIVE'
       AND EXISTS (SELECT 1 FROM "TeamMember" tm JOIN "Team" t ON t."id" = tm."teamId"
                    WHERE tm."organizationId" = ${orgId} AND tm."teamId" = ${teamId}
                      AND tm."membershipId" = ${member.id} AND t."archivedAt" IS NULL)`);
  const valid = rows[0];
  if (!valid) throw new Error("the bench member cannot log for the bench team");
  const now = new Date();
  await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "observerId", "anonymous",
      "occurredAt", "performed", "missed", "note", "source", "idempotencyKey", "undoTokenHash", "createdAt", "updatedAt")
    VALUES (${`c${randomBytes(12).toString("hex")}`}, ${orgId}, ${valid.parentId ?? valid.id}, ${teamId}, ${member.id},
      false, ${now}, 1, 0, '', 'LOG'::"ObservationSource", ${key()}, ${hash()}, ${now}, ${now})
    RETURNING "id"`);
}

async function block(fn: () => Promise<void>, concurrency: number) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let left = perBlock;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await fn();
    }),
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: ms / perBlock, cpuMs: (cpu.user + cpu.system) / 1000 / perBlock };
}

try {
  // Warm up both.
  for (let i = 0; i < 2; i++) {
    await block(viaPrisma, 1);
    await block(viaRawSql, 1);
  }
  for (const concurrency of [1, 10]) {
    const runs: Record<"prisma" | "raw", { wallMs: number; cpuMs: number }[]> = { prisma: [], raw: [] };
    for (let i = 0; i < 4; i++) {
      runs.prisma.push(await block(viaPrisma, concurrency));
      runs.raw.push(await block(viaRawSql, concurrency));
    }
    const mean = (xs: { wallMs: number; cpuMs: number }[], k: "wallMs" | "cpuMs") =>
      round(xs.reduce((a, x) => a + x[k], 0) / xs.length, 3);
    const p = { wall: mean(runs.prisma, "wallMs"), cpu: mean(runs.prisma, "cpuMs") };
    const r = { wall: mean(runs.raw, "wallMs"), cpu: mean(runs.raw, "cpuMs") };
    console.log(
      `[tap] ${concurrency} at a time, ${4 * perBlock} taps each way: Prisma ${p.wall} ms wall, ${p.cpu} ms Node CPU per tap; raw SQL ${r.wall} ms wall, ${r.cpu} ms Node CPU per tap (raw saves ${round((1 - r.cpu / p.cpu) * 100)}% of the CPU)`,
    );
  }
} finally {
  // The measurement's entries go, so the data set stays the size it says it is.
  await prisma.$executeRaw`DELETE FROM "Observation" WHERE "organizationId" = ${orgId} AND "idempotencyKey" LIKE 'tapbench-%'`;
  await closeDatabase();
  await ds.stop();
}

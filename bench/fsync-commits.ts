// The cost of durable commits on the embedded database, without HTTP in the way (docs/decisions/017):
// one observation insert after another through Prisma, as the Log pad's action does, on a fresh
// PGlite with CONDUCT_EMBEDDED_FSYNC off and on in turn, several rounds, so a busy moment of a shared
// machine falls on both settings. `npm run bench` measures the same over HTTP (embedded_fsync).
//   tsx --conditions=react-server bench/fsync-commits.ts [--rounds=6] [--inserts=500]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";
import { buildOrgScenario, observationRow } from "../tests/factories";
import { percentile, round } from "./stats";

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const rounds = arg("rounds", 6);
const inserts = arg("inserts", 500);

const dir = mkdtempSync(path.join(os.tmpdir(), "conduct-fsync-"));
const times: Record<"off" | "on", number[]> = { off: [], on: [] };
try {
  const setup = openDatabase({ dataDir: dir }, { fsync: false });
  await migrate(setup.sql);
  const s = await buildOrgScenario(setup.prisma);
  await setup.close();
  for (let r = 0; r < rounds; r++) {
    for (const setting of r % 2 ? (["on", "off"] as const) : (["off", "on"] as const)) {
      const db = openDatabase({ dataDir: dir }, { fsync: setting === "on", slowQueryMs: 10_000 });
      await db.prisma.observation.count(); // opened and warm
      for (let i = 0; i < inserts; i++) {
        const t = performance.now();
        await db.prisma.observation.create({
          data: observationRow({
            organizationId: s.org.id,
            behaviourId: s.behaviour.id,
            teamId: s.team.id,
            observerId: s.member.membership.id,
            performed: i % 2,
            missed: 1 - (i % 2),
          }),
          select: { id: true },
        });
        times[setting].push(performance.now() - t);
      }
      await db.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const setting of ["off", "on"] as const) {
  const sorted = [...times[setting]].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  console.log(
    `fsync ${setting}: ${sorted.length} commits, mean ${round(mean, 2)} ms (${round(1000 / mean, 0)}/s), p50 ${round(percentile(sorted, 50), 2)} ms, p95 ${round(percentile(sorted, 95), 2)} ms, p99 ${round(percentile(sorted, 99), 2)} ms`,
  );
}

// `npm run db:migrate` (also `npm run db:setup`): migrate the configured database (embedded by default, or
// DATABASE_URL) and seed the demo organisation when it is empty, both under the migration lock
// (docs/decisions/029), without serving. CONDUCT_SEED=none skips the seed.
import { serverEnv } from "@/lib/server/env";
import { setUpDatabase } from "@/lib/server/setup/database-setup";

const env = serverEnv();
const report = await setUpDatabase(
  { databaseUrl: env.databaseUrl, dataDir: env.dataDir },
  { seed: process.env.CONDUCT_SEED !== "none" },
);
console.log(
  `[conduct] ${report.kind} database ready in ${(report.ms / 1000).toFixed(1)} s: ` +
    `${report.migrated.length ? `applied ${report.migrated.join(", ")}` : "no pending migrations"}` +
    `${report.seeded ? `; seeded the demo (${report.observations} observations)` : ""}`,
);

// `npm start`. On the embedded database (the default, one process): build when the sources changed
// since the last build, bring the database up to date (migrations, and the demo seed on an empty
// database), then serve with scripts/serve.mjs (`next start` that knows the client's address).
// With DATABASE_URL (one of several processes, docs/decisions/029): refuse without the shared secrets,
// serve the build `npm run build` made, on a database `npm run db:migrate` brought up to date.
import { spawn } from "node:child_process";
import { serverEnv } from "@/lib/server/env";
import { setUpDatabase } from "@/lib/server/setup/database-setup";
import { assertDatabaseServes, sharedSecretsProblem } from "@/lib/server/setup/serving";
import { ensureBuild, requireBuild } from "./ensure-build";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const env = serverEnv();

if (env.databaseUrl) {
  const problem = sharedSecretsProblem();
  if (problem) {
    console.error(`[conduct] ${problem}`);
    process.exit(2);
  }
  try {
    await assertDatabaseServes(env.databaseUrl);
  } catch (err) {
    console.error(`[conduct] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  requireBuild();
} else {
  ensureBuild();
  const report = await setUpDatabase(
    { databaseUrl: env.databaseUrl, dataDir: env.dataDir },
    { seed: process.env.CONDUCT_SEED !== "none" },
  );
  console.log(
    `[conduct] ${report.kind} database ready in ${(report.ms / 1000).toFixed(1)} s` +
      `${report.migrated.length ? `; applied ${report.migrated.length} migration(s)` : ""}` +
      `${report.seeded ? `; seeded the demo (${report.observations} observations)` : ""}`,
  );
}

// scripts/serve.mjs is `next start` plus the client address (docs/decisions/013); it reads PORT and HOSTNAME.
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

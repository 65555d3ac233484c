// Serves the built app for the end-to-end tests: `tsx scripts/e2e-server.ts <port> <embedded|postgres>`.
// A fresh database each run (embedded under tmp/, or a throwaway PostgreSQL server), migrated and
// seeded with the demo data through the same path as `npm start`. Build first (npm run test:e2e does).
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { setUpDatabase } from "@/lib/server/setup/database-setup";
import { startThrowawayPostgres } from "../tests/support/postgres";

const [port = "3100", kind = "embedded"] = process.argv.slice(2);
if (!existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run test:e2e`, which builds first.");
  process.exit(1);
}
const dataDir = path.resolve(`tmp/e2e-${kind}`);
rmSync(dataDir, { recursive: true, force: true });

let databaseUrl: string | undefined;
let stopPostgres = async () => {};
if (kind === "postgres") {
  // Inside dataDir, so a run that was killed before it could clean up is removed by the next one.
  const server = await startThrowawayPostgres(dataDir);
  stopPostgres = server.stop;
  const admin = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE conduct");
  await admin.end();
  databaseUrl = `${server.baseUrl}/conduct`;
}
const report = await setUpDatabase({ databaseUrl, dataDir }, { seed: true });
console.log(`[e2e] ${report.kind} database seeded in ${report.ms} ms`);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CONDUCT_DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl ?? "",
};
const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env,
});
const stop = async (code: number) => {
  next.kill("SIGTERM");
  await stopPostgres();
  process.exit(code);
};
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 1));

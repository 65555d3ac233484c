// `npm run start:cluster`: several web processes on PostgreSQL (docs/decisions/029), one per core unless
// CONDUCT_PROCESSES says otherwise, on consecutive ports from PORT (default 3000): 3000, 3001, … for a
// reverse proxy to balance (README, "Running several processes"). Each is scripts/serve.mjs, as `npm start`
// serves. It serves the build `npm run build` made, on a database `npm run db:migrate` brought up to date,
// and refuses to start without the secrets all processes share. A process that dies is started again.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { serverEnv } from "@/lib/server/env";
import { assertDatabaseServes, sharedSecretsProblem } from "@/lib/server/setup/serving";
import { requireBuild } from "./ensure-build";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const env = serverEnv();
const fail = (message: string): never => {
  console.error(`[cluster] ${message}`);
  process.exit(2);
};
if (!env.databaseUrl)
  fail("The embedded database belongs to one process: set DATABASE_URL to run several, or use `npm start`.");
const problem = sharedSecretsProblem();
if (problem) fail(problem);
const raw = process.env.CONDUCT_PROCESSES;
if (raw !== undefined && raw !== "" && !/^[1-9]\d*$/.test(raw))
  fail("CONDUCT_PROCESSES must be a whole number above 0.");
const count = raw ? Number(raw) : availableParallelism();
try {
  await assertDatabaseServes(env.databaseUrl!);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
requireBuild();

const children = new Map<number, ChildProcess>();
let stopping = false;
function start(index: number) {
  const port = env.port + index;
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    stdio: "inherit",
    env: { ...process.env, PORT: String(port) },
  });
  children.set(index, child);
  child.on("exit", (code, signal) => {
    children.delete(index);
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    console.error(
      `[cluster] the process on port ${port} ended (${signal ?? `exit ${code}`}): starting it again in 2 s`,
    );
    setTimeout(() => start(index), 2_000);
  });
}
for (let i = 0; i < count; i++) start(i);
console.log(`[cluster] ${count} process(es) on ports ${env.port}–${env.port + count - 1}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Each finishes its requests in flight and closes its pool (scripts/serve.mjs).
    for (const child of children.values()) child.kill("SIGTERM");
    if (children.size === 0) process.exit(0);
  });

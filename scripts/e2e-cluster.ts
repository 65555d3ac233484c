// Serves the built app for the cluster e2e test (tests/e2e/cluster.spec.ts): `tsx scripts/e2e-cluster.ts <port>`.
// Two web processes (scripts/serve.mjs, as `npm run start:cluster` runs them) of ONE build on one throwaway
// PostgreSQL, on <port>+1 and <port>+2, behind Debian's nginx on 127.0.0.1:<port> with a round-robin
// upstream, so that consecutive requests of one user go to alternate processes (docs/decisions/029).
// nginx runs unprivileged from a generated config (scripts/nginx.ts).
// Each process names itself in X-Conduct-Process (CONDUCT_PROCESS_NAME). Build first (npm run test:e2e does).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { setUpDatabase } from "@/lib/server/setup/database-setup";
import { startThrowawayPostgres } from "../tests/support/postgres";
import { ensureNginx, startProxy, type Proxy } from "./nginx";

const port = Number(process.argv[2] ?? 3105);
const appPorts = [port + 1, port + 2];
if (!existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run test:e2e`, which builds first.");
  process.exit(1);
}
// Debian's nginx, installed with apt-get when missing; before anything starts, so a failure leaves nothing behind.
try {
  ensureNginx((m) => console.log(`[e2e-cluster] ${m}`));
} catch (err) {
  console.error(`[e2e-cluster] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const children: ChildProcess[] = [];
let stopPostgres = async () => {};
const dir = mkdtempSync(path.join(tmpdir(), "conduct-cluster-"));
let stopProxy = async () => {};
let stopping: Promise<void> | undefined;
const stop = (code: number) =>
  (stopping ??= (async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await stopProxy();
    await stopPostgres();
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  })());
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

let databaseUrl = "";
try {
  const server = await startThrowawayPostgres();
  stopPostgres = server.stop;
  const admin = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE conduct");
  await admin.end();
  databaseUrl = `${server.baseUrl}/conduct`;
  // `npm run db:migrate` (the demo seed included), once, before the processes start.
  const report = await setUpDatabase({ databaseUrl, dataDir: "memory://" }, { seed: true });
  console.log(`[e2e-cluster] database seeded in ${report.ms} ms`);
} catch (err) {
  console.error("[e2e-cluster] could not set up the database:", err);
  await stop(1);
}

// What every process shares (the start scripts refuse to run on PostgreSQL without them).
const shared = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  CONDUCT_DATA_DIR: path.join(dir, "data"),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  HOSTNAME: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${port}`,
  TRUST_PROXY_HOPS: "1",
  CONDUCT_SIGN_UP_LIMIT: "1000",
};
const onExit = (what: string) => (code: number | null) => {
  if (!stopping) console.error(`[e2e-cluster] ${what} ended (exit ${code})`);
  void stop(code ?? 1);
};
appPorts.forEach((appPort, i) => {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    stdio: "inherit",
    env: { ...shared, PORT: String(appPort), CONDUCT_PROCESS_NAME: `web-${i + 1}` },
  });
  child.on("exit", onExit(`web-${i + 1}`));
  children.push(child);
});

// nginx starts once both answer, so that its first requests already alternate.
for (const appPort of appPorts) {
  for (let ready = false; !ready;) {
    ready = await fetch(`http://127.0.0.1:${appPort}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// As README "Running several processes" shows, without TLS (loopback only).
let proxy: Proxy;
try {
  proxy = await startProxy({ port, upstreams: appPorts });
} catch (err) {
  console.error("[e2e-cluster] nginx could not start:", err);
  await stop(1);
  throw err;
}
stopProxy = proxy.stop;
proxy.child.on("exit", onExit("nginx"));
children.push(proxy.child);
console.log(`[e2e-cluster] nginx on ${proxy.baseUrl} → ${appPorts.join(", ")}`);

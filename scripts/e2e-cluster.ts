// Serves the built app for the cluster e2e test (tests/e2e/cluster.spec.ts): `tsx scripts/e2e-cluster.ts <port>`.
// Two web processes (scripts/serve.mjs, as `npm run start:cluster` runs them) of ONE build on one throwaway
// PostgreSQL, on <port>+1 and <port>+2, behind Debian's nginx on 127.0.0.1:<port> with a round-robin
// upstream, so that consecutive requests of one user go to alternate processes (docs/decisions/029).
// nginx runs unprivileged from a generated config in a temp directory (pid, logs, temp files there).
// Each process names itself in X-Conduct-Process (CONDUCT_PROCESS_NAME). Build first (npm run test:e2e does).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { setUpDatabase } from "@/lib/server/setup/database-setup";
import { startThrowawayPostgres } from "../tests/support/postgres";

const port = Number(process.argv[2] ?? 3105);
const appPorts = [port + 1, port + 2];
if (!existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run test:e2e`, which builds first.");
  process.exit(1);
}
// Debian's nginx, installed with apt-get when missing (as tests/support/postgres.ts installs PostgreSQL).
const findNginx = () => ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].find((p) => existsSync(p));
if (!findNginx()) {
  console.log("[e2e-cluster] installing Debian's nginx package…");
  spawnSync(
    "bash",
    ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null"],
    { stdio: "inherit" },
  );
}
const nginxBin = findNginx();
if (!nginxBin) {
  console.error("[e2e-cluster] nginx is not installed, and apt-get could not install it: apt-get install -y nginx");
  process.exit(1);
}

const children: ChildProcess[] = [];
let stopPostgres = async () => {};
const dir = mkdtempSync(path.join(tmpdir(), "conduct-nginx-"));
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
const conf = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  upstream conduct {
${appPorts.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://conduct;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
writeFileSync(path.join(dir, "nginx.conf"), conf);
// Run as root (CI), nginx's workers run as nobody: they must be able to enter the directory.
chmodSync(dir, 0o755);
const nginx = spawn(nginxBin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
  stdio: "inherit",
});
nginx.on("exit", onExit("nginx"));
children.push(nginx);
console.log(`[e2e-cluster] nginx on http://127.0.0.1:${port} → ${appPorts.join(", ")}`);

// `npm start`: build when the sources changed since the last build, bring the database up to
// date (migrations, and the demo seed on an empty database), then serve with `next start`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverEnv } from "@/lib/server/env";
import { setUpDatabase } from "@/lib/server/setup/database-setup";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const BUILD_INPUTS = ["src", "public", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p) || p.includes(`${path.sep}generated${path.sep}`) || p.endsWith(`${path.sep}generated`)) return;
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    else hash.update(p).update(readFileSync(p));
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

const stamp = path.join(root, ".next", "conduct-build-hash");
const current = sourceHash();
if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stamp) || readFileSync(stamp, "utf8") !== current) {
  console.log("[conduct] building the app (first start, or the sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stamp, current);
}

const env = serverEnv();
const report = await setUpDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir }, { seed: process.env.CONDUCT_SEED !== "none" });
console.log(
  `[conduct] ${report.kind} database ready in ${(report.ms / 1000).toFixed(1)} s` +
    `${report.migrated.length ? `; applied ${report.migrated.length} migration(s)` : ""}` +
    `${report.seeded ? `; seeded the demo (${report.observations} observations)` : ""}`,
);

const port = process.env.PORT ?? "3000";
const server = spawn("npx", ["next", "start", "-p", port, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

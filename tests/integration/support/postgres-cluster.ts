// Global setup of the PostgreSQL integration project: a throwaway cluster from Debian's
// `postgresql` package on 127.0.0.1 (installed with apt-get when missing), a migrated template
// database that each test file clones, and removal of it all afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, loadMigrations } from "@/lib/server/migrate";
import type { SqlRunner } from "@/lib/server/database";

function postgresBin(): string {
  const find = () => {
    const base = "/usr/lib/postgresql";
    if (!existsSync(base)) return null;
    const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    return versions[0] ? path.join(base, versions[0], "bin") : null;
  };
  let bin = find();
  if (!bin) {
    console.log("[postgres] installing Debian's postgresql package…");
    execFileSync("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null"], { stdio: "inherit" });
    bin = find();
  }
  if (!bin) throw new Error("PostgreSQL server binaries not found, and apt-get could not install them.");
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export default async function setup() {
  const bin = postgresBin();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "conduct-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  // initdb refuses to run as root: run the server as Debian's postgres user then.
  const run = (cmd: string, args: string[]) => {
    const r = root ? spawnSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { encoding: "utf8" }) : spawnSync(path.join(bin, cmd), args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "start"]);

  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE conduct_template");
  const tpl = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/conduct_template` });
  await tpl.connect();
  const runner: SqlRunner = {
    exec: async (sql) => void (await tpl.query(sql)),
    query: async <T,>(sql: string, params?: unknown[]) => (await tpl.query(sql, params)).rows as T[],
    transaction: async (fn) => {
      await tpl.query("BEGIN");
      try {
        const r = await fn(runner);
        await tpl.query("COMMIT");
        return r;
      } catch (e) {
        await tpl.query("ROLLBACK");
        throw e;
      }
    },
  };
  await migrate(runner, loadMigrations());
  await tpl.end();
  await admin.end();
  process.env.CONDUCT_TEST_PG_URL = `postgresql://postgres@127.0.0.1:${port}`;

  return async () => {
    run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
}

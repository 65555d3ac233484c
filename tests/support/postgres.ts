// A throwaway PostgreSQL server for tests: Debian's `postgresql` package (installed with apt-get
// when missing), a fresh cluster in a temp directory, listening on 127.0.0.1 only. The server is
// a child of this process, so it also goes when the process group is killed.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Debian's PostgreSQL server binaries (installing the package with apt-get when missing). */
export function postgresBin(): string {
  const find = () => {
    const base = "/usr/lib/postgresql";
    if (!existsSync(base)) return null;
    const versions = readdirSync(base)
      .filter((v) => existsSync(path.join(base, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    return versions[0] ? path.join(base, versions[0], "bin") : null;
  };
  let bin = find();
  if (!bin) {
    console.log("[postgres] installing Debian's postgresql package…");
    execFileSync(
      "bash",
      ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null"],
      { stdio: "inherit" },
    );
    bin = find();
  }
  if (!bin) throw new Error("PostgreSQL server binaries not found, and apt-get could not install them.");
  return bin;
}

/** A free loopback port: `preferred` when it is free, else one the system picks. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined && (await portFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** A PostgreSQL program as a command line: initdb and postgres refuse to run as root, so as root they run as Debian's postgres user. */
export function postgresCommand(cmd: string, args: string[]): { file: string; args: string[] } {
  const file = path.join(postgresBin(), cmd);
  return process.getuid?.() === 0 ? { file: "runuser", args: ["-u", "postgres", "--", file, ...args] } : { file, args };
}

export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:PORT — append "/dbname". */
  baseUrl: string;
  stop(): Promise<void>;
}

/** `parent`: where to put the cluster's directory (default: the system temp directory). */
export async function startThrowawayPostgres(parent = os.tmpdir()): Promise<ThrowawayPostgres> {
  const command = postgresCommand;
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, "conduct-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const init = command("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const r = spawnSync(init.file, init.args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);

  const port = await freePort();
  const run = command("postgres", [
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "max_connections=200",
  ]);
  const server = spawn(run.file, run.args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  server.stderr!.on("data", (d) => (log = (log + d).slice(-4000)));
  const baseUrl = `postgresql://postgres@127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const c = new pg.Client({ connectionString: `${baseUrl}/postgres` });
    try {
      await c.connect();
      await c.end();
      break;
    } catch {
      if (i > 100 || server.exitCode !== null) throw new Error(`PostgreSQL did not start: ${log}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  return {
    baseUrl,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((res) => server.once("exit", res));
        // pg_ctl signals the postmaster itself (runuser does not pass SIGINT on).
        const stop = command("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
        spawnSync(stop.file, stop.args, { encoding: "utf8" });
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

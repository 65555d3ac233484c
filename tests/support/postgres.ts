// A throwaway PostgreSQL server for tests: Debian's `postgresql` package (installed with apt-get
// when missing), a fresh cluster in a temp directory, listening on 127.0.0.1 only. The server is
// a child of this process, so it also goes when the process group is killed.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

const PREFIX = "conduct-pg-";
const OWNER_FILE = "owner.pid";

function pidIn(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the clusters of runs that were killed before they could clean up: those whose recorded
 * owner process is gone (its server is stopped first if it outlived it). A cluster without an owner
 * file, or whose owner still runs (another checkout's tests, say), is left alone.
 */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(parent, name);
    const owner = pidIn(path.join(dir, OWNER_FILE));
    if (owner === null || alive(owner)) continue;
    const postmaster = pidIn(path.join(dir, "data", "postmaster.pid"));
    if (postmaster !== null && alive(postmaster)) {
      const stop = postgresCommand("pg_ctl", ["-D", path.join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      spawnSync(stop.file, stop.args, { cwd: dir, encoding: "utf8" });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A fresh cluster, always under the system temp directory: as root the server runs as Debian's
 * postgres user, which must be able to reach it, and a clone inside a mode-700 folder (a root home,
 * a `mktemp -d`) is out of its reach. `stop()` removes it; a killed run's is removed by the next.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const command = postgresCommand;
  const parent = os.tmpdir();
  removeAbandoned(parent);
  const dir = mkdtempSync(path.join(parent, PREFIX));
  writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  // Each program runs from the cluster's directory: the caller's working directory may be one the postgres user cannot enter.
  const init = command("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const r = spawnSync(init.file, init.args, { cwd: dir, encoding: "utf8" });
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
  const server = spawn(run.file, run.args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
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
        spawnSync(stop.file, stop.args, { cwd: dir, encoding: "utf8" });
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

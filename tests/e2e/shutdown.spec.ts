import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { serverActionId, signIn } from "../../bench/server";
import { startThrowawayPostgres } from "../support/postgres";
import { expect, test } from "./fixtures";

// Issue 15, item 17: SIGTERM and SIGINT stop the server cleanly. The built app is served by
// scripts/serve.mjs, as by `npm start`, on a database of its own; 8 members log observations through
// the Log pad's server action without pause, SIGTERM (SIGINT in round 2) arrives in the middle, then:
// - the process exits 0 within the grace period (10 s) and no request hangs (late ones get 503, or
//   find the port closed);
// - the database was closed, not dropped: PGlite's pg_control says "shut down" (no crash recovery at
//   the next start), and PostgreSQL counted no session abandoned by its client (pg_stat_database);
// - every acknowledged entry is in the database, which the next round's server opens again.

const ROUNDS = 3;
const LOGGERS = 8;
const GRACE_MS = 10_000;
/** SIGTERM once this many entries were acknowledged in the round: the loggers never pause, so it lands mid-burst. */
const SIGNAL_AFTER = 120;
// A port per database: the embedded and postgres projects run side by side (playwright.config.ts).
const PORTS = {
  embedded: Number(process.env.E2E_PORT ?? 3100) + 3,
  postgres: Number(process.env.E2E_PORT ?? 3100) + 4,
};
const baseOf = (port: number) => `http://127.0.0.1:${port}`;

interface Setup {
  orgId: string;
  behaviourId: string;
  teamId: string;
  emails: string[];
  password: string;
}

/** One database under test: how the server reaches it, and what it says after the server stopped. */
interface Target {
  env: Record<string, string>;
  /** Before a round: whatever must be remembered to judge the shutdown afterwards. */
  before(): Promise<void>;
  /** After the server exited: null when the database was closed cleanly, else what shows it was not. */
  uncleanShutdown(): Promise<string | null>;
  /** The acknowledged keys that are not in the database. */
  missing(orgId: string, keys: string[]): Promise<string[]>;
  stop(): Promise<void>;
}

// src/include/catalog/pg_control.h: ControlFileData starts with system_identifier (uint64),
// pg_control_version (uint32), catalog_version_no (uint32), then state (DBState).
const DB_STATES = [
  "starting up",
  "shut down",
  "shut down in recovery",
  "shutting down",
  "in crash recovery",
  "in archive recovery",
  "in production",
];

function embeddedTarget(): Target {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "conduct-stop-"));
  const pgdata = path.join(dataDir, "pglite");
  return {
    env: { CONDUCT_DATA_DIR: dataDir, DATABASE_URL: "" },
    async before() {},
    async uncleanShutdown() {
      const control = readFileSync(path.join(pgdata, "global", "pg_control"));
      expect(control.readUInt32LE(8), "pg_control layout of PostgreSQL 18").toBe(1800);
      const state = DB_STATES[control.readUInt32LE(16)] ?? "unknown";
      return state === "shut down" ? null : `pg_control: database cluster state is "${state}"`;
    },
    async missing(orgId, keys) {
      const db = new PGlite(pgdata);
      try {
        const rows = await db.query<{ idempotencyKey: string }>(
          `SELECT "idempotencyKey" FROM "Observation" WHERE "organizationId" = $1`,
          [orgId],
        );
        const present = new Set(rows.rows.map((r) => r.idempotencyKey));
        return keys.filter((k) => !present.has(k));
      } finally {
        await db.close();
      }
    },
    async stop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const server = await startThrowawayPostgres();
  const query = async <T extends pg.QueryResultRow>(db: string, sql: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: `${server.baseUrl}/${db}` });
    await c.connect();
    try {
      return (await c.query<T>(sql, params)).rows;
    } finally {
      await c.end();
    }
  };
  await query("postgres", "CREATE DATABASE conduct");
  // A backend that reads end-of-file from its client instead of a Terminate message counts the
  // session as abandoned (PostgreSQL 14+, pg_stat_database.sessions_abandoned): what a process that
  // exits with its pool still open leaves behind.
  const abandoned = async () => {
    for (let i = 0; ; i++) {
      const [open] = await query<{ n: number }>(
        "postgres",
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'conduct'",
      );
      if (open!.n === 0) break;
      expect(i, "the server's PostgreSQL sessions ended").toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 100));
    }
    const [row] = await query<{ n: number }>(
      "postgres",
      "SELECT sessions_abandoned::int AS n FROM pg_stat_database WHERE datname = 'conduct'",
    );
    return row!.n;
  };
  let abandonedBefore = 0;
  // The generated auth secret lives here.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "conduct-stop-"));
  return {
    env: { DATABASE_URL: `${server.baseUrl}/conduct`, CONDUCT_DATA_DIR: dataDir },
    async before() {
      abandonedBefore = await abandoned();
    },
    async uncleanShutdown() {
      const n = (await abandoned()) - abandonedBefore;
      return n === 0 ? null : `pg_stat_database: ${n} session(s) abandoned by the server (no Terminate message)`;
    },
    async missing(orgId, keys) {
      const rows = await query<{ idempotencyKey: string }>(
        "conduct",
        `SELECT "idempotencyKey" FROM "Observation" WHERE "organizationId" = $1`,
        [orgId],
      );
      const present = new Set(rows.map((r) => r.idempotencyKey));
      return keys.filter((k) => !present.has(k));
    },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function startServer(env: Record<string, string>, port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => output };
}

async function waitForHealth(child: ChildProcess, output: () => string, base: string): Promise<void> {
  for (let i = 0; ; i++) {
    expect(child.exitCode, `the server exited while starting:\n${output()}`).toBeNull();
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    expect(i, `the server answered /api/health:\n${output()}`).toBeLessThan(240);
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface LoggerResult {
  acked: string[];
  /** 503 answers: requests that arrived while the server was stopping. */
  refused: number;
  /** New connections refused: the server no longer listens. */
  connectionRefused: number;
  /** Requests whose connection closed without an answer (a kept-alive connection closed as the request was sent). */
  cutOff: number;
  /** Requests that got no answer within 20 s: what a stop must never leave. */
  hung: number;
  /** Answers that were neither a success nor a 503. */
  failures: string[];
}

/** Logs one entry after another, as fast as the server answers, until the server stops answering. */
async function logger(base: string, cookie: string, actionId: string, s: Setup, prefix: string, onAck: () => void) {
  const r: LoggerResult = { acked: [], refused: 0, connectionRefused: 0, cutOff: 0, hung: 0, failures: [] };
  for (let n = 0; ; n++) {
    const key = `${prefix}-${n.toString(36).padStart(6, "0")}`;
    let status = 0;
    let body = "";
    try {
      const res = await fetch(`${base}/log`, {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Next-Action": actionId,
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
          Origin: base,
        },
        body: JSON.stringify([
          {
            behaviourId: s.behaviourId,
            teamId: s.teamId,
            outcome: n % 3 ? "performed" : "missed",
            note: "",
            anonymous: false,
            idempotencyKey: key,
          },
        ]),
        redirect: "manual",
        signal: AbortSignal.timeout(20_000),
      });
      status = res.status;
      if (status === 503) expect(res.headers.get("connection")).toBe("close");
      body = await res.text();
    } catch (err) {
      // No answer, or an answer cut short: not acknowledged.
      const e = err as Error & { cause?: { code?: string } };
      if (e.name === "TimeoutError") r.hung++;
      else if (e.cause?.code === "ECONNREFUSED") r.connectionRefused++;
      else r.cutOff++;
      return r;
    }
    if (status === 503) {
      r.refused++;
      return r;
    }
    if (status !== 200 || !body.includes('"ok":true')) {
      r.failures.push(`HTTP ${status}: ${body.slice(0, 300)}`);
      return r;
    }
    r.acked.push(key);
    onAck();
  }
}

for (const kind of ["embedded", "postgres"] as const) {
  test(`SIGTERM or SIGINT during a burst of ${LOGGERS} loggers (${kind}): exit 0, the database closed cleanly, every acknowledged entry kept`, async ({}, info) => {
    test.skip(info.project.name !== kind, `runs on the ${kind} project's turn`);
    test.setTimeout(600_000);
    const target = kind === "embedded" ? embeddedTarget() : await postgresTarget();
    const port = PORTS[kind];
    const base = baseOf(port);
    let server: ReturnType<typeof startServer> | undefined;
    try {
      const made = spawnSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/support/loggers-setup.ts"], {
        env: { ...process.env, ...target.env, LOGGERS: String(LOGGERS) },
        encoding: "utf8",
      });
      expect(made.status, made.stderr).toBe(0);
      const setup = JSON.parse(made.stdout.trim().split("\n").pop()!) as Setup;
      const actionId = serverActionId("src/lib/actions/observations.ts", "logObservationAction");
      const allAcked: string[] = [];
      const figures: string[] = [];

      for (let round = 1; round <= ROUNDS; round++) {
        await target.before();
        server = startServer(target.env, port);
        const { child, output } = server;
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
          child.once("exit", (code, signal) => resolve({ code, signal })),
        );
        await waitForHealth(child, output, base);
        const cookies = await Promise.all(setup.emails.map((e) => signIn(base, e, setup.password)));

        // Both signals stop the server the same way: SIGINT (Ctrl-C) in the middle round.
        const stopSignal = round === 2 ? "SIGINT" : "SIGTERM";
        let acked = 0;
        let signalledAt = 0;
        const results = await Promise.all(
          cookies.map((cookie, i) =>
            logger(base, cookie, actionId, setup, `stop-${kind}-${round}-${i}`, () => {
              if (++acked === SIGNAL_AFTER) {
                signalledAt = Date.now();
                child.kill(stopSignal);
              }
            }),
          ),
        );
        // Every logger stopped without the signal being sent (each failed early): no stop to wait for.
        if (!signalledAt) child.kill("SIGKILL");
        const { code, signal } = await exited;
        const stopMs = Date.now() - signalledAt;
        const log = output();
        server = undefined;

        expect(
          signalledAt,
          `the loggers reached ${SIGNAL_AFTER} entries before the server stopped:\n${log}`,
        ).toBeGreaterThan(0);
        expect({ code, signal }, log).toEqual({ code: 0, signal: null });
        expect(stopMs, log).toBeLessThan(GRACE_MS + 3_000);
        expect(
          results.flatMap((r) => r.failures),
          log,
        ).toEqual([]);
        expect(
          results.reduce((n, r) => n + r.hung, 0),
          "requests left without an answer",
        ).toBe(0);
        expect(await target.uncleanShutdown(), log).toBeNull();

        const keys = results.flatMap((r) => r.acked);
        allAcked.push(...keys);
        expect(await target.missing(setup.orgId, allAcked)).toEqual([]);
        const sum = (k: "refused" | "connectionRefused" | "cutOff") => results.reduce((n, r) => n + r[k], 0);
        figures.push(
          `round ${round}: ${keys.length} acknowledged, exited ${stopMs} ms after ${stopSignal}; then ${sum("refused")} answered 503, ${sum("connectionRefused")} connections refused, ${sum("cutOff")} cut off`,
        );
      }
      info.annotations.push({ type: "durability", description: `${kind}: ${figures.join("; ")}` });
      console.log(
        `[shutdown] ${kind}: ${allAcked.length} acknowledged entries kept over ${ROUNDS} rounds\n  ${figures.join("\n  ")}`,
      );
    } finally {
      if (server?.child.exitCode === null) server.child.kill("SIGKILL");
      await target.stop();
    }
  });
}

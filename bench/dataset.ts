// The bench data set: 5,000,000 observations across 100 organisations, 500 behaviours and 400 teams
// over the two years ending today, generated in the database and kept under bench/.data between
// runs: on the embedded database (bench/.data/embedded, the directory the app opens as
// CONDUCT_DATA_DIR) and on a persistent PostgreSQL cluster (bench/.data/postgres, database
// conduct_bench). A data set of another size (BENCH_OBSERVATIONS) is kept beside it (embedded_<n>,
// conduct_bench_<n>); one of an older generator, or older than a week, is generated again. Run with `tsx --conditions=react-server` (the app's modules are server-only).
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { openDatabase, type Database, type DatabaseKind, type SqlRunner } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";
import { freePort, postgresCommand } from "../tests/support/postgres";
import {
  BENCH_PASSWORD,
  GENERATOR_VERSION,
  LARGE_SHARE,
  cellTableSql,
  observationSliceSql,
  planDataset,
  sliceCount,
  type DatasetPlan,
} from "./dataset-sql";

export interface BenchDataset {
  kind: DatabaseKind;
  /** CONDUCT_DATA_DIR for the app (the embedded database lives in its "pglite" directory). */
  dataDir: string;
  /** DATABASE_URL for the app (PostgreSQL only). */
  databaseUrl?: string;
  observations: number;
  large: {
    orgId: string;
    orgName: string;
    managerEmail: string;
    password: string;
    teamId: string;
    behaviourId: string;
    memberEmail: string;
  };
  /** What generating took, when this call generated it. */
  generatedMs?: number;
  /** PostgreSQL only: the postmaster's process id (its backends are its children). */
  postgresPid?: number;
  stop(): Promise<void>;
}

export const BENCH_DATA = path.resolve(import.meta.dirname, ".data");
const PG_DIR = path.join(BENCH_DATA, "postgres");
const PG_DATA = path.join(PG_DIR, "data");
const PG_PORT = 55432;
const DATABASE = "conduct_bench";
const FULL_SIZE = 5_000_000;
const MAX_AGE_DAYS = 7;
/** Rows per INSERT … SELECT: keeps PGlite (32-bit WASM, one process) well inside its memory. */
const SLICE_ROWS = 250_000;

interface Marker {
  version: number;
  observations: number;
  large_share: number;
  generated_at: Date | string;
  generation_ms: number;
  large: Omit<BenchDataset["large"], "password">;
}

export async function ensureDataset(
  kind: DatabaseKind,
  opts: {
    observations?: number;
    /** The large organisation's share of the observations (default 0.2): 1 puts every one in it. */
    largeShare?: number;
    /** PostgreSQL only: the database of the cluster that holds this data set (default conduct_bench). */
    database?: string;
    log?: (s: string) => void;
  } = {},
): Promise<BenchDataset> {
  const observations = opts.observations ?? Number(process.env.BENCH_OBSERVATIONS || FULL_SIZE);
  const largeShare = opts.largeShare ?? LARGE_SHARE;
  // A data set of another size lives beside the full one (a quick run does not replace it).
  const sized = observations === FULL_SIZE ? "" : `_${observations}`;
  const database = (opts.database ?? DATABASE) + sized;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  if (!Number.isInteger(observations) || observations < 10_000)
    throw new Error(`observations must be a whole number of at least 10,000, not ${observations}`);
  const log = opts.log ?? (() => {});
  const server = kind === "postgres" ? await startCluster(log) : null;
  const databaseUrl = server ? `${server.baseUrl}/${database}` : undefined;
  const dataDir = path.join(BENCH_DATA, kind === "embedded" ? `embedded${sized}` : "postgres-app");
  const config = { databaseUrl, dataDir };
  let generatedMs: number | undefined;
  let db: Database | undefined;
  try {
    if (server) await createDatabase(server.baseUrl, database, false);
    db = openDatabase(config);
    let marker = await readMarker(db.sql);
    const age = marker ? (Date.now() - new Date(marker.generated_at).getTime()) / 86_400_000 : Infinity;
    if (
      marker &&
      marker.version === GENERATOR_VERSION &&
      Number(marker.observations) === observations &&
      Number(marker.large_share) === largeShare &&
      age < MAX_AGE_DAYS
    ) {
      log(
        `[dataset] ${kind}: reusing ${observations.toLocaleString("en")} observations generated ${new Date(marker.generated_at).toISOString()} (in ${(marker.generation_ms / 1000).toFixed(0)} s)`,
      );
      // The app's migrations since then (e.g. a new index), as `npm start` would apply them.
      const t = performance.now();
      const applied = await migrate(db.sql);
      if (applied.length)
        log(
          `[dataset] ${kind}: applied ${applied.length} new migration(s) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
    } else {
      log(
        `[dataset] ${kind}: ${marker ? `the data set there has ${Number(marker.observations).toLocaleString("en")} observations (generator ${marker.version}, ${age.toFixed(1)} days old)` : "no data set"}: generating ${observations.toLocaleString("en")}`,
      );
      await db.close();
      if (server) await createDatabase(server.baseUrl, database, true);
      else rmSync(path.join(dataDir, "pglite"), { recursive: true, force: true });
      const t = performance.now();
      // Generating writes gigabytes of WAL; a data set lost to a power cut is generated again, so
      // its commits need not wait for the disk (CONDUCT_EMBEDDED_FSYNC, docs/decisions/017).
      db = openDatabase(config, { fsync: false });
      await migrate(db.sql);
      log(`[dataset] ${kind}: empty database created and migrated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      marker = await generate(db, kind, observations, largeShare, log);
      generatedMs = marker.generation_ms;
    }
    return {
      kind,
      dataDir,
      databaseUrl,
      observations,
      large: { ...marker.large, password: BENCH_PASSWORD },
      generatedMs,
      postgresPid: server
        ? Number(readFileSync(path.join(PG_DATA, "postmaster.pid"), "utf8").split("\n")[0])
        : undefined,
      stop: async () => server?.stop(),
    };
  } catch (err) {
    await db?.close();
    db = undefined;
    await server?.stop();
    throw err;
  } finally {
    // The app opens the embedded directory itself, and PGlite allows one owner: close ours first.
    await db?.close();
  }
}

async function readMarker(sql: SqlRunner): Promise<Marker | null> {
  const [exists] = await sql.query<{ t: string | null }>(`SELECT to_regclass('"_bench_dataset"')::text AS t`);
  if (!exists?.t) return null;
  const [row] = await sql.query<Marker>(`SELECT * FROM "_bench_dataset"`);
  return row ?? null;
}

async function generate(
  db: Database,
  kind: DatabaseKind,
  observations: number,
  largeShare: number,
  log: (s: string) => void,
): Promise<Marker> {
  const t0 = performance.now();
  const step = (label: string, since: number) =>
    log(`[dataset] ${kind}: ${label} in ${((performance.now() - since) / 1000).toFixed(1)} s`);
  // One hash for every bench user: bcrypt at the app's cost, once.
  const plan: DatasetPlan = planDataset(observations, await bcrypt.hash(BENCH_PASSWORD, 11), new Date(), largeShare);
  const slice = Math.max(1, Math.floor((plan.weekdays * SLICE_ROWS) / observations));
  await db.sql.transaction(async (tx) => {
    // No triggers (the daily summary's, the foreign keys') during the load: the rows are consistent
    // by construction, and the summary is written beside each slice. Session-local, so nothing stays disabled.
    await tx.exec(
      `SET LOCAL session_replication_role = replica; SET LOCAL work_mem = '64MB'; SET LOCAL maintenance_work_mem = '${kind === "embedded" ? "256MB" : "512MB"}'`,
    );
    let t = performance.now();
    for (const s of plan.structure) await tx.exec(s);
    for (const s of cellTableSql(plan.cells)) await tx.exec(s);
    step(`organisations, people, teams, behaviours, barriers, metrics (${JSON.stringify(plan.counts)})`, t);
    // Secondary indexes are built once at the end: far faster than maintaining them row by row.
    const indexes = await tx.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('Observation', 'ObservationDaily') AND indexname NOT LIKE '%\\_pkey' ORDER BY indexname`,
    );
    for (const i of indexes) await tx.exec(`DROP INDEX "${i.indexname}"`);
    let idBase = 0;
    for (let w0 = 0; w0 < plan.weekdays; w0 += slice) {
      const w1 = Math.min(plan.weekdays, w0 + slice);
      const rows = sliceCount(plan.cells, plan.weekdays, w0, w1);
      t = performance.now();
      await tx.exec(observationSliceSql(plan, w0, w1, idBase));
      idBase += rows;
      step(
        `${idBase.toLocaleString("en")} / ${observations.toLocaleString("en")} observations (+${rows.toLocaleString("en")})`,
        t,
      );
    }
    t = performance.now();
    for (const i of indexes) await tx.exec(i.indexdef);
    step(`rebuilt ${indexes.map((i) => i.indexname).join(", ")}`, t);
    const [count] = await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM "Observation"`);
    if (Number(count?.n) !== observations)
      throw new Error(`generated ${count?.n} observations instead of ${observations}`);
    await tx.exec(
      `CREATE TABLE "_bench_dataset" ("version" int NOT NULL, "observations" bigint NOT NULL, "large_share" float8 NOT NULL, "generated_at" timestamptz NOT NULL, "generation_ms" int NOT NULL, "large" jsonb NOT NULL, "counts" jsonb NOT NULL)`,
    );
    await tx.query(`INSERT INTO "_bench_dataset" VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      GENERATOR_VERSION,
      observations,
      largeShare,
      plan.now.toISOString(),
      Math.round(performance.now() - t0),
      JSON.stringify(plan.large),
      JSON.stringify(plan.counts),
    ]);
  });
  // PGlite has no autovacuum: without this the planner has no statistics and no visibility map.
  const t = performance.now();
  await db.sql.exec(`VACUUM (ANALYZE)`);
  step("VACUUM (ANALYZE)", t);
  const ms = Math.round(performance.now() - t0);
  await db.sql.query(`UPDATE "_bench_dataset" SET "generation_ms" = $1`, [ms]);
  log(`[dataset] ${kind}: generated ${observations.toLocaleString("en")} observations in ${(ms / 1000).toFixed(1)} s`);
  return {
    version: GENERATOR_VERSION,
    observations,
    large_share: largeShare,
    generated_at: plan.now,
    generation_ms: ms,
    large: plan.large,
  };
}

// ---------------------------------------------------------------- the persistent PostgreSQL cluster

function run(cmd: string, args: string[]) {
  const c = postgresCommand(cmd, args);
  return spawnSync(c.file, c.args, { encoding: "utf8" });
}

/** Starts the bench cluster (initdb the first time); a cluster left running by an earlier run is reused. */
async function startCluster(log: (s: string) => void): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  mkdirSync(PG_DIR, { recursive: true });
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", PG_DIR]);
  if (!existsSync(path.join(PG_DATA, "PG_VERSION"))) {
    const r = run("initdb", ["-D", PG_DATA, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
    // Defaults for a small dedicated server; fsync stays on, as in production. Statements over 250 ms
    // are also in the server's own log (bench/.data/postgres/server.log).
    appendFileSync(
      path.join(PG_DATA, "postgresql.conf"),
      [
        "",
        "# conduct bench",
        "listen_addresses = '127.0.0.1'",
        "shared_buffers = 512MB",
        "work_mem = 16MB",
        "maintenance_work_mem = 512MB",
        "max_wal_size = 4GB",
        "checkpoint_timeout = 15min",
        "max_connections = 100",
        "log_min_duration_statement = 250",
        "",
      ].join("\n"),
    );
    log(`[dataset] postgres: new cluster in ${PG_DATA}`);
  }
  let port: number;
  if (run("pg_ctl", ["-D", PG_DATA, "status"]).status === 0) {
    port = Number(readFileSync(path.join(PG_DATA, "postmaster.pid"), "utf8").split("\n")[3]);
    log(`[dataset] postgres: the cluster is already running on port ${port}`);
  } else {
    port = await freePort(PG_PORT);
    const r = run("pg_ctl", [
      "-D",
      PG_DATA,
      "-l",
      path.join(PG_DIR, "server.log"),
      "-o",
      `-p ${port} -k ${PG_DIR}`,
      "-w",
      "-t",
      "120",
      "start",
    ]);
    if (r.status !== 0)
      throw new Error(`pg_ctl start failed: ${r.stderr || r.stdout} (see ${path.join(PG_DIR, "server.log")})`);
    log(`[dataset] postgres: started on port ${port}`);
  }
  return {
    baseUrl: `postgresql://postgres@127.0.0.1:${port}`,
    async stop() {
      run("pg_ctl", ["-D", PG_DATA, "-m", "fast", "-w", "stop"]);
    },
  };
}

async function createDatabase(baseUrl: string, database: string, fresh: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
}

import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/generated/prisma/client";
import { dbPoolSize, embeddedFsync, slowQueryMs } from "./env";
import { withQueryLog, type QueryListener } from "./query-log";

/** Plain SQL access, for the migration runner and the few statements Prisma cannot express. */
export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs fn on one connection (session-level locks, statements that must not share a transaction). */
  session<T>(fn: (conn: SqlRunner) => Promise<T>): Promise<T>;
}

export type DatabaseKind = "embedded" | "postgres";

/** The connection pg-boss (the job queue, docs/decisions/018) runs its SQL through. */
export interface JobsDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  jobs: JobsDb;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  databaseUrl?: string;
  /** Directory holding the embedded database, or "memory://". */
  dataDir: string;
}

export interface DatabaseOptions {
  /** Log statements slower than this (default: CONDUCT_SLOW_QUERY_MS, or 250 ms). */
  slowQueryMs?: number;
  /** Called with every statement Prisma runs on this handle (tests, bench). */
  onQuery?: QueryListener;
  /** Embedded only: write the WAL through to the disk on commit (default: CONDUCT_EMBEDDED_FSYNC, on). */
  fsync?: boolean;
  /**
   * Embedded only: start from this copy of a data directory (PGlite's dumpDataDir) instead of an
   * empty one. The integration suite starts each file from one migrated copy (initdb and the
   * migrations take seconds; loading the copy takes half of one).
   */
  startFrom?: Blob;
  /** PostgreSQL only: connections this process may hold (default: CONDUCT_DB_POOL_SIZE, or 10). */
  poolSize?: number;
}

export function openDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Database {
  // Every Prisma statement is timed at the driver adapter: slow ones are logged (see query-log.ts).
  const timed = (adapter: SqlDriverAdapterFactory) =>
    withQueryLog(adapter, { slowQueryMs: options.slowQueryMs ?? slowQueryMs(), onQuery: options.onQuery });
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, timed, options.poolSize ?? dbPoolSize())
    : openEmbedded(config.dataDir, timed, options.fsync ?? embeddedFsync(), options.startFrom);
}

/**
 * PGlite's start parameters with or without durable commits. Its defaults turn fsync off (-F), and
 * in Node its file system (Emscripten's NODEFS) has no fsync anyway: PostgreSQL's fsync() and
 * fdatasync() return without reaching the kernel (seen with strace; docs/decisions/017). What does
 * reach the disk is the WAL opened with O_DSYNC (wal_sync_method=open_datasync), which NODEFS hands
 * to Node as O_SYNC: each WAL write, so each commit, returns once it is on the disk.
 */
export function embeddedStartParams(fsync: boolean): string[] {
  const defaults = PGlite.defaultStartParams;
  if (!fsync) return defaults;
  return [...defaults.filter((p) => p !== "-F"), "-c", "fsync=on", "-c", "wal_sync_method=open_datasync"];
}

type Timed = (adapter: SqlDriverAdapterFactory) => SqlDriverAdapterFactory;

function openEmbedded(dataDir: string, timed: Timed, fsync: boolean, startFrom?: Blob): Database {
  let dir: string | undefined;
  if (dataDir !== "memory://") {
    mkdirSync(dataDir, { recursive: true });
    dir = path.join(dataDir, "pglite");
  }
  // PGlite is one connection: every query is serialised, so keep request-path work short.
  // Options in the one argument: with a first argument that is not a string (memory), PGlite drops the second.
  const client = new PGlite({ dataDir: dir, startParams: embeddedStartParams(fsync), loadDataDir: startFrom });
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; the
  // runtime contract is the same (the integration suite runs every query through it).
  const adapter = new PrismaPGlite(client) as unknown as SqlDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: timed(adapter) });
  const wrap = (q: Pick<PGlite, "exec" | "query">): SqlRunner => {
    const runner: SqlRunner = {
      async exec(sql) {
        await q.exec(sql);
      },
      async query<T>(sql: string, params?: unknown[]) {
        return (await q.query<T>(sql, params)).rows;
      },
      transaction: (fn) => client.transaction((tx) => fn(wrap(tx))),
      // PGlite is one session already.
      session: (fn) => fn(runner),
    };
    return runner;
  };
  return {
    kind: "embedded",
    prisma,
    sql: wrap(client),
    jobs: {
      // pg-boss sends single statements with parameters, and scripts of several statements (its own
      // BEGIN … COMMIT) without. A script runs inside one PGlite transaction, which holds PGlite's lock
      // for its whole length (no other statement can run inside it) and rolls back if a statement fails,
      // so a failed script never leaves the one connection in an aborted transaction.
      async executeSql(text, values) {
        if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
        return client.transaction(async (tx) => ({ rows: (await tx.exec(text)).at(-1)?.rows ?? [] }));
      },
    },
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

/** One pooled PostgreSQL connection as a SqlRunner; its transaction is BEGIN … COMMIT on that connection. */
function connectionRunner(conn: pg.PoolClient): SqlRunner {
  const runner: SqlRunner = {
    exec: async (text) => void (await conn.query(text)),
    query: async <T>(text: string, params?: unknown[]) => (await conn.query(text, params)).rows as T[],
    async transaction(fn) {
      await conn.query("BEGIN");
      try {
        const result = await fn({
          ...runner,
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
        });
        await conn.query("COMMIT");
        return result;
      } catch (err) {
        await conn.query("ROLLBACK").catch(() => undefined);
        throw err;
      }
    },
    session: (fn) => fn(runner),
  };
  return runner;
}

function openPostgres(connectionString: string, timed: Timed, poolMax: number): Database {
  const pool = new pg.Pool({ connectionString, max: poolMax });
  // An idle connection the server closes (a restart, a terminated backend, a failover) is dropped
  // from the pool and replaced on next use; without this handler its error would crash the process.
  pool.on("error", (err) => console.warn(`[db] an idle PostgreSQL connection was closed: ${err.message}`));
  const prisma = new PrismaClient({ adapter: timed(new PrismaPg(pool)) });
  const sql: SqlRunner = {
    async exec(text) {
      await pool.query(text);
    },
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    transaction: (fn) => sql.session((conn) => conn.transaction(fn)),
    async session(fn) {
      const conn = await pool.connect();
      try {
        return await fn(connectionRunner(conn));
      } finally {
        conn.release();
      }
    },
  };
  return {
    kind: "postgres",
    prisma,
    sql,
    // The same pool as Prisma's: pg-boss's scripts use the simple protocol on one pooled connection.
    jobs: { executeSql: async (text, values) => pool.query(text, values) },
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

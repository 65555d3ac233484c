import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./database";
import { splitStatements } from "./sql-split";

// Prisma's `migrate deploy` cannot run offline against PostgreSQL here (see docs/decisions/002),
// so migrations written by `prisma migrate diff` are applied by this runner, identically on
// PGlite and PostgreSQL: in name order, under one advisory lock, each in its own transaction
// together with its record, and refusing a history that was edited.
//
// Several processes (docs/decisions/029): a migration.sql may open with directive comments,
//   -- conduct: no-transaction       its statements run one by one, outside a transaction (for
//                                    CREATE INDEX CONCURRENTLY); they must be safe to run again,
//                                    as a failure part-way leaves the earlier ones done and no record
//   -- conduct: backward-compatible  the previous version of Conduct still works on a database that
//                                    has it (expand/contract), so that version may start on it
// A database holding migrations this version does not know is refused, unless every one of them
// was recorded as backward-compatible: that is what lets a rolling restart and a rollback work.

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
  /** `-- conduct: no-transaction`: statements run one by one, outside a transaction. */
  noTransaction?: boolean;
  /** `-- conduct: backward-compatible`: the previous version runs on a database that has it. */
  backwardCompatible?: boolean;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const LOCK_KEY = 872_341_001; // arbitrary constant for pg_advisory_lock
const DIRECTIVES = ["no-transaction", "backward-compatible"] as const;

export class MigrationHistoryError extends Error {}

/** A migration from its file: the directive comments before its first statement set its options. */
export function parseMigration(name: string, sql: string): Migration {
  const directives = new Set<string>();
  for (const line of sql.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (!trimmed.startsWith("--")) break;
    const m = /^--\s*conduct:\s*(\S+)\s*$/.exec(trimmed);
    if (!m) continue;
    if (!(DIRECTIVES as readonly string[]).includes(m[1]!))
      throw new MigrationHistoryError(
        `Migration ${name}: unknown directive "-- conduct: ${m[1]}" (known: ${DIRECTIVES.join(", ")}).`,
      );
    directives.add(m[1]!);
  }
  return {
    name,
    sql,
    checksum: createHash("sha256").update(sql).digest("hex"),
    noTransaction: directives.has("no-transaction"),
    backwardCompatible: directives.has("backward-compatible"),
  };
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => parseMigration(name, readFileSync(path.join(dir, name, "migration.sql"), "utf8")));
}

export interface SchemaStatus {
  /** Migrations this version has that the database does not, in order. */
  pending: string[];
  /** Migrations the database has that this version does not know. */
  unknown: { name: string; backwardCompatible: boolean }[];
}

async function appliedRows(sql: SqlRunner) {
  const table = await sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = '_conduct_migrations'`);
  if (table.length === 0) return [];
  const columns = await sql.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = '_conduct_migrations' AND column_name = 'backward_compatible'`,
  );
  return sql.query<{ name: string; checksum: string; backward_compatible: boolean }>(
    `SELECT "name", "checksum", ${columns.length ? `"backward_compatible"` : "false AS backward_compatible"}
       FROM "_conduct_migrations" ORDER BY "name"`,
  );
}

/** Compares the database's history with this version's migrations; throws if an applied one was edited. */
export async function schemaStatus(sql: SqlRunner, migrations: Migration[] = loadMigrations()): Promise<SchemaStatus> {
  const applied = await appliedRows(sql);
  const known = new Map(migrations.map((m) => [m.name, m]));
  const unknown: SchemaStatus["unknown"] = [];
  for (const row of applied) {
    const m = known.get(row.name);
    if (!m) unknown.push({ name: row.name, backwardCompatible: row.backward_compatible });
    else if (m.checksum !== row.checksum)
      throw new MigrationHistoryError(`Migration ${row.name} was edited after it was applied.`);
  }
  const done = new Set(applied.map((r) => r.name));
  return { pending: migrations.filter((m) => !done.has(m.name)).map((m) => m.name), unknown };
}

/** Throws, naming them, when the database has migrations this version does not know and may not run on. */
export function refuseUnknown(status: SchemaStatus): void {
  const blocking = status.unknown.filter((u) => !u.backwardCompatible);
  if (blocking.length > 0)
    throw new MigrationHistoryError(
      `The database has migration ${blocking.map((u) => u.name).join(", ")}, which this version of Conduct does not know ` +
        `and which is not marked backward-compatible: run the version of Conduct that has it, or a newer one.`,
    );
}

/**
 * For a process that serves an already-migrated database (DATABASE_URL): refuses to start when the
 * database lacks one of this version's migrations, or has one it does not know that is not backward-compatible.
 */
export async function assertSchemaServes(sql: SqlRunner, migrations: Migration[] = loadMigrations()): Promise<void> {
  const status = await schemaStatus(sql, migrations);
  refuseUnknown(status);
  if (status.pending.length > 0)
    throw new MigrationHistoryError(
      `The database lacks ${status.pending.length} migration(s) this version of Conduct needs ` +
        `(${status.pending.join(", ")}): run \`npm run db:migrate\` first.`,
    );
}

// In one process, callers take turns here: PGlite is one session, where the advisory lock does not
// keep two callers of the same process apart.
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs fn on one connection holding the migration lock (a session-level advisory lock), so that of
 * several processes starting at once one migrates (and seeds) while the others wait, then find it done.
 */
export function withMigrationLock<T>(sql: SqlRunner, fn: (conn: SqlRunner) => Promise<T>): Promise<T> {
  const run = turn.then(() =>
    sql.session(async (conn) => {
      await conn.query(`SELECT pg_advisory_lock($1)`, [LOCK_KEY]);
      try {
        return await fn(conn);
      } finally {
        await conn.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]);
      }
    }),
  );
  turn = run.catch(() => undefined);
  return run;
}

/** Applies the pending migrations under the lock; returns the names of those it applied. */
export function migrate(sql: SqlRunner, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return withMigrationLock(sql, (conn) => migrateLocked(conn, migrations));
}

/** migrate() for a caller that already holds the lock (withMigrationLock), on its connection. */
export async function migrateLocked(conn: SqlRunner, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await conn.exec(`CREATE TABLE IF NOT EXISTS "_conduct_migrations" (
    "name" TEXT PRIMARY KEY,
    "checksum" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  ALTER TABLE "_conduct_migrations" ADD COLUMN IF NOT EXISTS "backward_compatible" BOOLEAN NOT NULL DEFAULT false`);
  const status = await schemaStatus(conn, migrations);
  refuseUnknown(status);
  const pending = new Set(status.pending);
  const newlyApplied: string[] = [];
  for (const m of migrations) {
    if (!pending.has(m.name)) continue;
    const record = (tx: SqlRunner) =>
      tx.query(`INSERT INTO "_conduct_migrations" ("name", "checksum", "backward_compatible") VALUES ($1, $2, $3)`, [
        m.name,
        m.checksum,
        m.backwardCompatible === true,
      ]);
    if (m.noTransaction) {
      for (const statement of splitStatements(m.sql)) await conn.exec(statement);
      await record(conn);
    } else {
      await conn.transaction(async (tx) => {
        await tx.exec(m.sql);
        await record(tx);
      });
    }
    newlyApplied.push(m.name);
  }
  return newlyApplied;
}

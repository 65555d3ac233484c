import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./database";

// Prisma's `migrate deploy` cannot run offline against PostgreSQL here (see docs/decisions/002),
// so migrations written by `prisma migrate diff` are applied by this runner, identically on
// PGlite and PostgreSQL: in name order, each in its own transaction together with its record,
// and refusing a history that was edited or that this version of Conduct does not know.

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const LOCK_KEY = 872_341_001; // arbitrary constant for pg_advisory_xact_lock

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationHistoryError extends Error {}

export async function migrate(sql: SqlRunner, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS "_conduct_migrations" (
    "name" TEXT PRIMARY KEY,
    "checksum" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  const applied = await sql.query<{ name: string; checksum: string }>(
    `SELECT "name", "checksum" FROM "_conduct_migrations" ORDER BY "name"`,
  );
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const m = known.get(row.name);
    if (!m)
      throw new MigrationHistoryError(
        `The database has migration ${row.name}, which this version of Conduct does not know.`,
      );
    if (m.checksum !== row.checksum)
      throw new MigrationHistoryError(`Migration ${row.name} was edited after it was applied.`);
  }
  const done = new Set(applied.map((r) => r.name));
  const newlyApplied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    const ran = await sql.transaction(async (tx) => {
      // Another server starting at the same moment waits here, then sees the record and skips.
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [LOCK_KEY]);
      const again = await tx.query(`SELECT 1 FROM "_conduct_migrations" WHERE "name" = $1`, [m.name]);
      if (again.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO "_conduct_migrations" ("name", "checksum") VALUES ($1, $2)`, [m.name, m.checksum]);
      return true;
    });
    if (ran) newlyApplied.push(m.name);
  }
  return newlyApplied;
}

// Counts every application table, to prove that a refused call changed nothing.
import { database } from "@/lib/server/db";

let publicTables: string[] | undefined;

/** The application's tables (fixed once the migrations ran, so read once per test file). */
async function applicationTables(): Promise<string[]> {
  publicTables ??= (
    await database().sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((t) => t.table_name);
  return publicTables;
}

export async function tableCounts(): Promise<Record<string, number>> {
  // One statement for every table: the role matrix takes two snapshots per case, over 900 cases per database.
  const rows = await database().sql.query<{ t: string; n: number }>(
    (await applicationTables()).map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** Row counts without the append-only audit trail (refusals are audited by design). */
export async function dataCounts(): Promise<Record<string, number>> {
  const { AuditEvent: _audit, ...rest } = await tableCounts();
  return rest;
}

let tables: string[] | undefined;

/**
 * A hash of every row of every table except the append-only audit trail: unlike row counts it
 * also changes when a row is updated, so it shows that an allowed write did something and that a
 * refused one changed nothing at all.
 */
export async function rowFingerprint(): Promise<Record<string, string>> {
  const sql = database().sql;
  tables ??= (await applicationTables()).filter((t) => t !== "AuditEvent").map((t) => `"${t}"`);
  // The job queue's table too, once its first use created it (a refused call must queue nothing).
  const [queue] = await sql.query<{ ok: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`);
  const all = queue?.ok ? [...tables, "pgboss.job"] : tables;
  const rows = await sql.query<{ t: string; h: string }>(
    all
      .map(
        (t) =>
          `SELECT '${t.replaceAll('"', "")}' AS t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) AS h FROM ${t} x`,
      )
      .join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

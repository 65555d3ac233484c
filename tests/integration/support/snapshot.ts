// Counts every application table, to prove that a refused call changed nothing.
import { database } from "@/lib/server/db";

export async function tableCounts(): Promise<Record<string, number>> {
  const tables = await database().sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await database().sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
    out[table_name] = row!.n;
  }
  return out;
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
  tables ??= (
    await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'AuditEvent' ORDER BY table_name`,
    )
  ).map((t) => `"${t.table_name}"`);
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

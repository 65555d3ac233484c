import "server-only";
import { database } from "../db";

/**
 * Refreshes the planner's statistics of these tables when they are missing or stale (a tenth of
 * the rows changed since). Keyset pages need them: without statistics the planner expects a
 * handful of rows and sorts everything after the cursor for every page, so an export grows with the
 * square of its size. PostgreSQL's autovacuum keeps them fresh, eventually; the embedded database
 * runs in single-user mode, with no autovacuum at all. ANALYZE reads a sample (30,000 rows) and
 * blocks no reader or writer.
 */
export async function freshStatistics(tables: readonly string[]): Promise<void> {
  const { sql } = database();
  const stale = await sql.query<{ relname: string }>(
    `SELECT relname FROM pg_stat_user_tables
      WHERE schemaname = 'public' AND relname = ANY($1::text[])
        AND ((last_analyze IS NULL AND last_autoanalyze IS NULL) OR n_mod_since_analyze > greatest(1000, n_live_tup / 10))`,
    [tables],
  );
  for (const { relname } of stale) await sql.exec(`ANALYZE "${relname.replaceAll('"', '""')}"`);
}

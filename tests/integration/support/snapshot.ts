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

import "server-only";
import { database } from "../db";

/**
 * PGlite runs no autovacuum, so its planner never learns how big tables have grown unless told
 * (noticed in issue 15's review). Once a night the worker runs ANALYZE; PostgreSQL's autovacuum
 * does this itself.
 */
export async function analyzeEmbeddedDatabase(): Promise<void> {
  const db = database();
  if (db.kind !== "embedded") return;
  await db.sql.exec("ANALYZE");
}

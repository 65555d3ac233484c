// An extra, empty database of the same kind as the file's own, for tests that need two.
import pg from "pg";
import { openDatabase, type Database } from "@/lib/server/database";

export async function scratchDatabase(): Promise<Database & { drop(): Promise<void> }> {
  if (process.env.CONDUCT_TEST_DB !== "postgres") {
    const d = openDatabase({ dataDir: "memory://" });
    return { ...d, drop: () => d.close() };
  }
  const base = process.env.CONDUCT_TEST_PG_URL!;
  const name = `s_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const d = openDatabase({ databaseUrl: `${base}/${name}`, dataDir: "memory://" });
  return {
    ...d,
    async drop() {
      await d.close();
      const a = new pg.Client({ connectionString: `${base}/postgres` });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

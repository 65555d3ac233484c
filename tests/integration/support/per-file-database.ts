// Each integration test file gets its own fresh, migrated database through the app's real
// db module: an in-memory PGlite, or a clone of the migrated template on the throwaway
// PostgreSQL cluster. Nothing is mocked.
import { afterAll, beforeAll } from "vitest";
import pg from "pg";

const kind = process.env.CONDUCT_TEST_DB;
let dropName: string | undefined;

if (kind === "postgres") {
  const base = process.env.CONDUCT_TEST_PG_URL;
  if (!base) throw new Error("CONDUCT_TEST_PG_URL is not set: the postgres global setup did not run");
  const name = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE conduct_template`);
  await admin.end();
  process.env.DATABASE_URL = `${base}/${name}`;
  // Nothing of a test run is written into the working tree (the generated auth secret included).
  process.env.CONDUCT_DATA_DIR = "memory://";
  dropName = name;
} else {
  delete process.env.DATABASE_URL;
  process.env.CONDUCT_DATA_DIR = "memory://";
}

beforeAll(async () => {
  if (kind !== "postgres") {
    const { database } = await import("@/lib/server/db");
    const { migrate } = await import("@/lib/server/migrate");
    await migrate(database().sql);
  }
});

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/server/db");
  await closeDatabase();
  if (dropName) {
    const admin = new pg.Client({ connectionString: `${process.env.CONDUCT_TEST_PG_URL}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dropName} WITH (FORCE)`);
    await admin.end();
  }
});

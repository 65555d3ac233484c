// Each integration test file gets its own fresh, migrated database through the app's real
// db module: an in-memory PGlite loaded from the migrated copy (support/pglite-template.ts), or a
// clone of the migrated template on the throwaway PostgreSQL cluster. Nothing is mocked.
import { afterAll } from "vitest";
import { readFileSync } from "node:fs";
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
  const template = process.env.CONDUCT_TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error("CONDUCT_TEST_PGLITE_TEMPLATE is not set: the PGlite global setup did not run");
  // The app's db module opens its one handle on first use and keeps it on globalThis (src/lib/server/db.ts):
  // this file's handle is opened here, from the migrated copy, and the app's code uses it unchanged.
  const { openDatabase } = await import("@/lib/server/database");
  const holder = globalThis as unknown as { __conductDb?: unknown };
  holder.__conductDb = openDatabase({ dataDir: "memory://" }, { startFrom: new Blob([readFileSync(template)]) });
}

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

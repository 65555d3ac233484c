// Global setup of the PostgreSQL integration project: a throwaway server, a migrated template
// database that each test file clones (tests/integration/support/per-file-database.ts), and its
// removal afterwards.
import { openDatabase } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";
import pg from "pg";
import { startThrowawayPostgres } from "../../support/postgres";

export default async function setup() {
  const server = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE conduct_template");
  await admin.end();
  const template = openDatabase({ databaseUrl: `${server.baseUrl}/conduct_template`, dataDir: "memory://" });
  await migrate(template.sql);
  await template.close();
  process.env.CONDUCT_TEST_PG_URL = server.baseUrl;
  return () => server.stop();
}

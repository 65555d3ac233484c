// A PostgreSQL server may close idle connections at any time (restart, failover, an administrator's
// pg_terminate_backend, DROP DATABASE … WITH (FORCE)). The app must not crash and must reconnect.
import { expect, it } from "vitest";
import pg from "pg";
import { database } from "@/lib/server/db";

it("survives the server closing its idle connections, and answers the next query", async () => {
  const before = await database().sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const pid = before[0]!.pid;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  await admin.end();
  // Give the terminated connection time to report its error to the (idle) pool.
  await new Promise((r) => setTimeout(r, 300));
  const after = await database().sql.query<{ one: number }>("SELECT 1 AS one");
  expect(after).toEqual([{ one: 1 }]);
  expect(await database().prisma.organization.count()).toBeGreaterThanOrEqual(0);
});

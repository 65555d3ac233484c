// Global setup of the PGlite integration project: one migrated embedded database, dumped to a
// file that each test file starts from (tests/integration/support/per-file-database.ts), as the
// PostgreSQL project clones its template database. A fresh PGlite runs initdb and then every
// migration, which takes seconds per file; loading the copy takes half of one.
import { PGlite } from "@electric-sql/pglite";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SqlRunner } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";

function runner(q: Pick<PGlite, "exec" | "query">, client: PGlite): SqlRunner {
  const self: SqlRunner = {
    async exec(sql) {
      await q.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    transaction: (fn) => client.transaction((tx) => fn(runner(tx, client))),
    session: (fn) => fn(self),
  };
  return self;
}

export default async function setup() {
  const client = new PGlite();
  await migrate(runner(client, client));
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dir = mkdtempSync(path.join(tmpdir(), "conduct-pglite-template-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.CONDUCT_TEST_PGLITE_TEMPLATE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}

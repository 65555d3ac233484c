// Migrations for several processes (docs/decisions/029): a migration may run outside a transaction
// (CREATE INDEX CONCURRENTLY), a process runs on a database with newer migrations only when they are
// marked backward-compatible, and processes migrating at once apply each migration once.
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/database";
import { assertSchemaServes, migrate, MigrationHistoryError, parseMigration, schemaStatus } from "@/lib/server/migrate";
import { splitStatements } from "@/lib/server/sql-split";
import { scratchDatabase } from "./support/scratch";

const A = parseMigration("99990101000001_a", `CREATE TABLE "t_a" ("id" INT PRIMARY KEY, "v" TEXT);`);
const B = parseMigration(
  "99990101000002_b",
  `-- conduct: backward-compatible\n-- adds a nullable column: the previous version ignores it\nALTER TABLE "t_a" ADD COLUMN "w" TEXT;`,
);
const C = parseMigration("99990101000003_c", `ALTER TABLE "t_a" DROP COLUMN "v";`);
const INDEX_SQL = `CREATE INDEX CONCURRENTLY IF NOT EXISTS "t_a_v_idx" ON "t_a" ("v");\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "t_a_vw_idx" ON "t_a" ("v", "w");`;

describe("migration directives", () => {
  it("are read from the comments before the first statement; an unknown one is refused", () => {
    expect(A).toMatchObject({ noTransaction: false, backwardCompatible: false });
    expect(B).toMatchObject({ noTransaction: false, backwardCompatible: true });
    const both = parseMigration("x", `-- conduct: no-transaction\n--conduct: backward-compatible\n\nSELECT 1;`);
    expect(both).toMatchObject({ noTransaction: true, backwardCompatible: true });
    // After the first statement a comment is only a comment.
    expect(parseMigration("y", `SELECT 1;\n-- conduct: no-transaction`).noTransaction).toBe(false);
    expect(() => parseMigration("z", `-- conduct: no-transactions\nSELECT 1;`)).toThrow(
      /unknown directive "-- conduct: no-transactions"/,
    );
  });

  it("split a script into statements, leaving semicolons in strings, identifiers, bodies and comments", () => {
    const script = `-- conduct: no-transaction
CREATE INDEX CONCURRENTLY "a;b" ON "t" ("x"); -- trailing; comment
INSERT INTO "t" VALUES ('it''s; fine');
/* a; block */ CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
;`;
    expect(splitStatements(script)).toEqual([
      `-- conduct: no-transaction\nCREATE INDEX CONCURRENTLY "a;b" ON "t" ("x")`,
      `-- trailing; comment\nINSERT INTO "t" VALUES ('it''s; fine')`,
      `/* a; block */ CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql`,
    ]);
  });
});

describe("migrations for several processes", () => {
  it("build indexes CONCURRENTLY when marked no-transaction, which a transaction refuses", async () => {
    const scratch = await scratchDatabase();
    try {
      await migrate(scratch.sql, [A, B]);
      const inTransaction = parseMigration("99990101000004_index", INDEX_SQL);
      await expect(migrate(scratch.sql, [A, B, inTransaction])).rejects.toThrow(/transaction block/);
      const outside = parseMigration("99990101000004_index", `-- conduct: no-transaction\n${INDEX_SQL}`);
      expect(await migrate(scratch.sql, [A, B, outside])).toEqual([outside.name]);
      const indexes = await scratch.sql.query<{ name: string; valid: boolean }>(
        `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE c.relname LIKE 't_a_v%' ORDER BY 1`,
      );
      expect(indexes).toEqual([
        { name: "t_a_v_idx", valid: true },
        { name: "t_a_vw_idx", valid: true },
      ]);
      expect(await migrate(scratch.sql, [A, B, outside])).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it("let an older version run on newer backward-compatible migrations, and refuse otherwise", async () => {
    const scratch = await scratchDatabase();
    try {
      expect(await migrate(scratch.sql, [A, B])).toEqual([A.name, B.name]);
      // The previous version (it knows A only): a rollback or the old half of a rolling restart.
      expect(await schemaStatus(scratch.sql, [A])).toEqual({
        pending: [],
        unknown: [{ name: B.name, backwardCompatible: true }],
      });
      await assertSchemaServes(scratch.sql, [A]);
      expect(await migrate(scratch.sql, [A])).toEqual([]);

      // A newer version's pending migration: a serving process refuses and says what to run.
      await expect(assertSchemaServes(scratch.sql, [A, B, C])).rejects.toThrow(
        `The database lacks 1 migration(s) this version of Conduct needs (${C.name}): run \`npm run db:migrate\` first.`,
      );
      expect(await migrate(scratch.sql, [A, B, C])).toEqual([C.name]);
      // C is not backward-compatible: the version that knows only A and B may no longer start.
      const refused = assertSchemaServes(scratch.sql, [A, B]);
      await expect(refused).rejects.toBeInstanceOf(MigrationHistoryError);
      await expect(refused).rejects.toThrow(
        `The database has migration ${C.name}, which this version of Conduct does not know and which is not marked backward-compatible`,
      );
      await expect(migrate(scratch.sql, [A, B])).rejects.toThrow(/not marked backward-compatible/);
    } finally {
      await scratch.drop();
    }
  });

  it("read a history recorded before the backward-compatible column existed", async () => {
    const scratch = await scratchDatabase();
    try {
      await scratch.sql.exec(`CREATE TABLE "_conduct_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL,
        "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()); ${A.sql}`);
      await scratch.sql.query(`INSERT INTO "_conduct_migrations" ("name", "checksum") VALUES ($1, $2)`, [
        A.name,
        A.checksum,
      ]);
      expect(await schemaStatus(scratch.sql, [A, B])).toEqual({ pending: [B.name], unknown: [] });
      expect(await migrate(scratch.sql, [A, B])).toEqual([B.name]);
      expect(await schemaStatus(scratch.sql, [])).toEqual({
        pending: [],
        unknown: [
          { name: A.name, backwardCompatible: false },
          { name: B.name, backwardCompatible: true },
        ],
      });
    } finally {
      await scratch.drop();
    }
  });

  it("apply each migration once when several processes migrate at the same moment", async () => {
    const slow = parseMigration(
      "99990101000005_slow",
      `SELECT pg_sleep(0.3); CREATE TABLE "t_slow" ("id" INT); INSERT INTO "t_slow" VALUES (1);`,
    );
    const scratch = await scratchDatabase();
    // On PostgreSQL, two processes are two pools on the same database; the embedded database has one owner.
    const url = process.env.CONDUCT_TEST_DB === "postgres" ? await scratchUrl(scratch) : undefined;
    const handles = url
      ? [0, 1, 2].map(() => openDatabase({ databaseUrl: url, dataDir: "memory://" }))
      : [scratch, scratch, scratch];
    try {
      const results = await Promise.all(handles.map((h) => migrate(h.sql, [A, slow])));
      expect(results.flat().sort()).toEqual([A.name, slow.name]);
      expect(await scratch.sql.query(`SELECT count(*)::int AS n FROM "t_slow"`)).toEqual([{ n: 1 }]);
    } finally {
      if (url) await Promise.all(handles.map((h) => h.close()));
      await scratch.drop();
    }
  });
});

/** The scratch PostgreSQL database's URL, from the server itself. */
async function scratchUrl(scratch: Awaited<ReturnType<typeof scratchDatabase>>): Promise<string> {
  const [row] = await scratch.sql.query<{ name: string }>(`SELECT current_database() AS name`);
  return `${process.env.CONDUCT_TEST_PG_URL}/${row!.name}`;
}

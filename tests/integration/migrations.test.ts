import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { loadMigrations, migrate, MigrationHistoryError, type Migration } from "@/lib/server/migrate";
import type { SqlRunner } from "@/lib/server/database";
import { scratchDatabase } from "./support/scratch";

/** Everything that makes up the schema, in a comparable form. */
async function describeSchema(sql: SqlRunner) {
  const columns = await sql.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_conduct_migrations'
      ORDER BY table_name, column_name`,
  );
  const indexes = await sql.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_conduct_migrations' ORDER BY indexname`,
  );
  const constraints = await sql.query(
    `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_conduct_migrations'
      ORDER BY conname`,
  );
  const enums = await sql.query(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
  );
  return { columns, indexes, constraints, enums };
}

describe("migrations", () => {
  it("produce exactly the schema that prisma/schema.prisma describes", async () => {
    const fromSchema = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    const scratch = await scratchDatabase();
    try {
      await scratch.sql.exec(fromSchema);
      const expected = await describeSchema(scratch.sql);
      const actual = await describeSchema(database().sql);
      expect(actual.columns.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    } finally {
      await scratch.drop();
    }
  }, 120_000);

  it("are recorded, and running them again applies nothing", async () => {
    const rows = await database().sql.query<{ name: string }>(`SELECT name FROM "_conduct_migrations" ORDER BY name`);
    expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(database().sql)).toEqual([]);
  });

  it("refuse a history that was edited or is unknown to this version", async () => {
    const files = loadMigrations();
    const edited: Migration[] = files.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(database().sql, edited)).rejects.toBeInstanceOf(MigrationHistoryError);
    await expect(migrate(database().sql, files.slice(1))).rejects.toThrow(/does not know/);
  });

  it("apply each migration all or nothing", async () => {
    const scratch = await scratchDatabase();
    try {
      const broken: Migration = {
        name: "99990101000000_broken",
        sql: `CREATE TABLE "half" (id int); SELECT * FROM "no_such_table";`,
        checksum: "x",
      };
      await expect(migrate(scratch.sql, [broken])).rejects.toThrow();
      const tables = await scratch.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`);
      expect(tables).toHaveLength(0);
      expect(await scratch.sql.query(`SELECT * FROM "_conduct_migrations"`)).toHaveLength(0);
    } finally {
      await scratch.drop();
    }
  });

  it("turn the standup's stories into feedback items marked as stories, keeping their ids", async () => {
    const scratch = await scratchDatabase();
    try {
      const all = loadMigrations();
      const at = all.findIndex((m) => m.name.endsWith("_embedding"));
      await migrate(scratch.sql, all.slice(0, at));
      await scratch.sql.exec(`
        INSERT INTO "Organization" ("id", "name", "slug") VALUES ('o1', 'Acme', 'acme');
        INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'a@example.test', 'Ada', 'x');
        INSERT INTO "Membership" ("id", "organizationId", "userId", "role", "updatedAt") VALUES ('m1', 'o1', 'u1', 'ADMIN', now());
        INSERT INTO "CustomerStory" ("id", "organizationId", "meetingDate", "story", "authorId", "createdAt")
          VALUES ('s1', 'o1', '2026-11-02', 'A customer kept her job because the export worked.', 'm1', '2026-11-02 09:00');`);
      await migrate(scratch.sql, all);
      const rows = await scratch.sql.query(
        `SELECT "id", "organizationId", "quote", "source"::text, "receivedOn"::text, "sentiment"::text, "isStory", "createdById"
           FROM "CustomerFeedback"`,
      );
      expect(rows).toEqual([
        {
          id: "s1",
          organizationId: "o1",
          quote: "A customer kept her job because the export worked.",
          source: "OTHER",
          receivedOn: "2026-11-02",
          sentiment: "MIXED",
          isStory: true,
          createdById: "m1",
        },
      ]);
      const left = await scratch.sql.query(
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'CustomerStory'`,
      );
      expect(left).toHaveLength(0);
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});

// `npm run db:backup` / `npm run db:restore` (scripts/db-backup.ts, scripts/db-restore.ts): a seeded
// embedded database copied to a .tar.gz and restored into another data directory holds the same
// rows in every table. Embedded only (the file name keeps it out of the PostgreSQL project).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type SqlRunner } from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";
import { seedDemo } from "../../prisma/seed";

const root = mkdtempSync(path.join(os.tmpdir(), "conduct-db-backup-"));
const source = path.join(root, "source");
const archive = path.join(root, "conduct.tar.gz");

/** Runs one of the scripts as `npm run` would, against the given data directory. */
function run(script: "db-backup" | "db-restore", args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args],
    {
      env: { ...process.env, CONDUCT_DATA_DIR: source, DATABASE_URL: "", NODE_ENV: "test", ...env },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Row count and a hash of the rows of every table, read through plain SQL. */
async function contents(sql: SqlRunner): Promise<Record<string, string>> {
  const tables = (
    await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((t) => t.table_name);
  const rows = await sql.query<{ t: string; h: string }>(
    tables
      .map(
        (t) =>
          `SELECT '${t}' AS t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) AS h FROM "${t}" x`,
      )
      .join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

async function contentsOf(dataDir: string) {
  const d = openDatabase({ dataDir });
  try {
    return await contents(d.sql);
  } finally {
    await d.close();
  }
}

let before: Record<string, string>;

beforeAll(async () => {
  const d = openDatabase({ dataDir: source });
  try {
    await migrate(d.sql);
    await seedDemo(d.prisma);
    before = await contents(d.sql);
  } finally {
    await d.close();
  }
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("db:backup and db:restore (embedded database)", () => {
  it("backs up a seeded database and restores it into a new data directory with every row of every table", async () => {
    const backup = run("db-backup", [archive]);
    expect(backup.out).toMatch(/backed up the embedded database \(2 organisation\(s\)\)/);
    expect(backup.code).toBe(0);
    expect(statSync(archive).mode & 0o077).toBe(0);

    const target = path.join(root, "target");
    const restore = run("db-restore", [archive], { CONDUCT_DATA_DIR: target });
    expect(restore.out).toMatch(/restored the embedded database \(2 organisation\(s\)\)/);
    expect(restore.code).toBe(0);

    const after = await contentsOf(target);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(25);
    expect(Number(before.Observation!.split(":")[0])).toBeGreaterThan(17_000);
    expect(after).toEqual(before);
    // The restored database is one the app can open and migrate (nothing is pending).
    const d = openDatabase({ dataDir: target });
    try {
      expect(await migrate(d.sql)).toEqual([]);
      expect(await d.prisma.user.count({ where: { email: "admin@northwind.example" } })).toBe(1);
    } finally {
      await d.close();
    }
  }, 300_000);

  it("never overwrites a database without --force, and then keeps the old one aside", async () => {
    const target = path.join(root, "twice");
    expect(run("db-restore", [archive], { CONDUCT_DATA_DIR: target }).code).toBe(0);
    const d = openDatabase({ dataDir: target });
    await d.prisma.organization.create({ data: { name: "Made after the backup", slug: "made-after" } });
    await d.close();

    const refused = run("db-restore", [archive], { CONDUCT_DATA_DIR: target });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/already holds a database.*--force/);
    expect((await contentsOf(target)).Organization).toMatch(/^3:/);

    const forced = run("db-restore", [archive, "--force"], { CONDUCT_DATA_DIR: target });
    expect(forced.code).toBe(0);
    expect((await contentsOf(target)).Organization).toMatch(/^2:/);
    const aside = readdirSync(target).filter((f) => f.startsWith("pglite.before-restore-"));
    expect(aside).toHaveLength(1);
    // The database moved aside is whole: it still holds the organisation made after the backup.
    const old = new PGlite(path.join(target, aside[0]!));
    expect((await old.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization"`)).rows[0]!.n).toBe(3);
    await old.close();
  }, 300_000);

  it("refuses a file that is not a backup, and leaves the data directory as it was", async () => {
    const junk = path.join(root, "junk.tar.gz");
    writeFileSync(junk, "this is not a database");
    const target = path.join(root, "junk-target");
    const r = run("db-restore", [junk], { CONDUCT_DATA_DIR: target });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/is not a database backup/);
    expect(existsSync(path.join(target, "pglite"))).toBe(false);
    expect(run("db-restore", [], { CONDUCT_DATA_DIR: target }).out).toMatch(/name the backup file/);
  });

  it("puts the previous database back when a forced restore fails", async () => {
    const target = path.join(root, "rollback");
    expect(run("db-restore", [archive], { CONDUCT_DATA_DIR: target }).code).toBe(0);
    const junk = path.join(root, "junk-gzip.tar.gz");
    writeFileSync(junk, gzipSync(Buffer.from("a gzip file that holds no database")));
    const r = run("db-restore", [junk, "--force"], { CONDUCT_DATA_DIR: target });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/could not be restored as a Conduct database.*Nothing was changed/s);
    expect(readdirSync(target)).toEqual(["pglite"]);
    expect(await contentsOf(target)).toEqual(before);
  }, 120_000);

  it("refuses to copy a database that is open, and an existing file", async () => {
    const open = new PGlite(path.join(source, "pglite"));
    await open.query("SELECT 1");
    try {
      const r = run("db-backup", [path.join(root, "while-open.tar.gz")]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/is in use \(postmaster.pid exists\): stop the app/);
      expect(existsSync(path.join(root, "while-open.tar.gz"))).toBe(false);
    } finally {
      await open.close();
    }
    const again = run("db-backup", [archive]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);
  }, 120_000);

  it("points to pg_dump and pg_restore when the database is PostgreSQL", () => {
    for (const script of ["db-backup", "db-restore"] as const) {
      const r = run(script, [archive], { DATABASE_URL: "postgresql://conduct@127.0.0.1:1/conduct" });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(script === "db-backup" ? /pg_dump/ : /pg_restore/);
    }
  });
});

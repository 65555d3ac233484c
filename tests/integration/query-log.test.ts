import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "@/lib/server/database";
import { captureQueries, slowQueryLine, type QueryEvent } from "@/lib/server/query-log";
import { slowQueryMs } from "@/lib/server/env";

// Every statement Prisma runs is timed at the driver adapter; one slower than the threshold is
// logged to stderr as one "[slow-query]" line (the bench fails on any), and a test can capture the
// statements of a call with their parameters. A handle of its own, on this file's database.
let database: Database;
const seen: QueryEvent[] = [];

beforeAll(async () => {
  database = openDatabase(
    { databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" },
    { slowQueryMs: 200, onQuery: (e) => seen.push(e) },
  );
  if (!process.env.DATABASE_URL) {
    const { migrate } = await import("@/lib/server/migrate");
    await migrate(database.sql);
  }
});
afterAll(() => database.close());

function stderrLines() {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return { lines: () => lines.filter((l) => l.startsWith("[slow-query]")), restore: () => spy.mockRestore() };
}

describe("slow query log", () => {
  it("logs a statement slower than the threshold, with its time and SQL, and not a fast one", async () => {
    const err = stderrLines();
    try {
      await database.prisma.$queryRaw`SELECT 1 AS fast`;
      expect(err.lines()).toEqual([]);
      await database.prisma.$queryRaw`SELECT 1 AS slow FROM pg_sleep(0.3)`;
      const lines = err.lines();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^\[slow-query\] \d+ ms \(sent while 0 ran\): SELECT 1 AS slow FROM pg_sleep\(0\.3\)\n$/,
      );
      expect(Number(lines[0]!.match(/\] (\d+) ms/)![1])).toBeGreaterThanOrEqual(290);
    } finally {
      err.restore();
    }
  });

  it("times statements inside interactive transactions too", async () => {
    const err = stderrLines();
    try {
      await database.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 2 AS in_tx FROM pg_sleep(0.25)`;
      });
      expect(err.lines()).toEqual([
        expect.stringMatching(/^\[slow-query\] \d+ ms \(sent while \d+ ran\): SELECT 2 AS in_tx/),
      ]);
      expect(seen.find((e) => e.sql.includes("in_tx"))).toMatchObject({
        inTransaction: true,
        kind: "query",
        failed: false,
      });
    } finally {
      err.restore();
    }
  });

  it("puts one line of at most 300 characters of SQL, never the parameters", () => {
    const line = slowQueryLine(
      312.4,
      `SELECT "id"\n   FROM "Observation"  WHERE "note" = $1 ${"AND true ".repeat(60)}`,
      3,
    );
    expect(
      line.startsWith(
        '[slow-query] 312 ms (sent while 3 ran): SELECT "id" FROM "Observation" WHERE "note" = $1 AND true',
      ),
    ).toBe(true);
    expect(line).not.toContain("\n");
    expect(line.length).toBe("[slow-query] 312 ms (sent while 3 ran): ".length + 300);
  });

  it("reads the threshold from CONDUCT_SLOW_QUERY_MS, 250 ms by default", () => {
    const before = process.env.CONDUCT_SLOW_QUERY_MS;
    try {
      delete process.env.CONDUCT_SLOW_QUERY_MS;
      expect(slowQueryMs()).toBe(250);
      process.env.CONDUCT_SLOW_QUERY_MS = "0";
      expect(slowQueryMs()).toBe(0);
      process.env.CONDUCT_SLOW_QUERY_MS = "fast";
      expect(() => slowQueryMs()).toThrow(/whole number/);
    } finally {
      if (before === undefined) delete process.env.CONDUCT_SLOW_QUERY_MS;
      else process.env.CONDUCT_SLOW_QUERY_MS = before;
    }
  });
});

describe("query capture", () => {
  it("records the SQL and parameters of every statement run during a call, and nothing after it", async () => {
    const { result, queries } = await captureQueries(() =>
      Promise.all([
        database.prisma.organization.findMany({ where: { slug: "no-such-org" }, select: { id: true } }),
        database.prisma.team.count({ where: { organizationId: "org-x", kind: "TEAM" } }),
      ]),
    );
    expect(result).toEqual([[], 0]);
    const org = queries.find((q) => q.sql.includes('"Organization"'));
    expect(org?.args).toContain("no-such-org");
    expect(org?.kind).toBe("query");
    expect(org?.ms).toBeGreaterThanOrEqual(0);
    expect(queries.find((q) => q.sql.includes('"Team"'))?.args).toContain("org-x");
    const before = queries.length;
    await database.prisma.organization.count();
    expect(queries).toHaveLength(before);
  });
});

// `npm run db:restore <file> [--force]`: brings back a copy made by `npm run db:backup` as the
// embedded database under CONDUCT_DATA_DIR. Only into a data directory without a database, unless
// --force: then the app must be stopped, and the current database is moved aside, not deleted.
// A PostgreSQL server (DATABASE_URL) is restored with pg_restore. See docs/decisions/008.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { serverEnv } from "@/lib/server/env";

function fail(message: string): never {
  console.error(`[conduct] db:restore: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const force = args.includes("--force");
const source = args.find((a) => !a.startsWith("--"));
const env = serverEnv();

if (env.databaseUrl) {
  fail(
    'DATABASE_URL is set, so the data is in PostgreSQL. Restore a pg_dump copy with PostgreSQL\'s tools: pg_restore --clean --if-exists --dbname="$DATABASE_URL" conduct.dump',
  );
}
if (env.dataDir === "memory://") fail("CONDUCT_DATA_DIR is memory://: an in-memory database cannot be restored into.");
if (!source) fail("name the backup file: npm run db:restore -- conduct-backup.tar.gz");
const file = path.resolve(source);
if (!existsSync(file)) fail(`${file} does not exist.`);
const bytes = readFileSync(file);
const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
const tar = bytes.length > 262 && bytes.subarray(257, 262).toString("latin1") === "ustar";
if (!gzip && !tar) fail(`${file} is not a database backup (neither .tar.gz nor .tar).`);

// Where src/lib/server/database.ts keeps the embedded database.
const dir = path.join(env.dataDir, "pglite");
let aside: string | null = null;
if (existsSync(dir) && readdirSync(dir).length > 0) {
  if (!force)
    fail(
      `${dir} already holds a database. Stop the app and add --force to replace it (the current one is kept as ${dir}.before-restore-…).`,
    );
  if (existsSync(path.join(dir, "postmaster.pid")))
    console.warn(`[conduct] ${dir} was not closed cleanly (or the app is running): make sure the app is stopped.`);
  aside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(dir, aside);
}

const t0 = Date.now();
mkdirSync(env.dataDir, { recursive: true });
let db: PGlite | undefined;
try {
  db = new PGlite(dir, { loadDataDir: new Blob([bytes], { type: gzip ? "application/x-gzip" : "application/x-tar" }) });
  const [{ n: organisations }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization"`))
    .rows as [{ n: number }];
  await db.close();
  console.log(
    `[conduct] restored the embedded database (${organisations} organisation(s)) into ${dir} in ${((Date.now() - t0) / 1000).toFixed(1)} s.${aside ? ` The previous database is in ${aside}.` : ""}`,
  );
} catch (err) {
  await db?.close().catch(() => undefined);
  // Leave the data directory as it was.
  rmSync(dir, { recursive: true, force: true });
  if (aside) renameSync(aside, dir);
  fail(
    `${file} could not be restored as a Conduct database: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.`,
  );
}

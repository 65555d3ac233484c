// `npm run db:backup [file] [--force]`: copies the whole embedded database (every organisation,
// user and migration) into one .tar.gz, with PGlite's own dump. Stop the app first: PGlite allows
// one process per data directory, and a copy taken beside a running server could be torn. A
// PostgreSQL server (DATABASE_URL) is backed up with its own tools. See docs/decisions/008.
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { serverEnv } from "@/lib/server/env";

function fail(message: string): never {
  console.error(`[conduct] db:backup: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const force = args.includes("--force");
const target = args.find((a) => !a.startsWith("--"));
const env = serverEnv();

if (env.databaseUrl) {
  fail(
    "DATABASE_URL is set, so the data is in PostgreSQL, not in the embedded database. Use PostgreSQL's tools:\n" +
      '  pg_dump --format=custom --file=conduct.dump "$DATABASE_URL"     (backup)\n' +
      '  pg_restore --clean --if-exists --dbname="$DATABASE_URL" conduct.dump     (restore)',
  );
}
if (env.dataDir === "memory://")
  fail("CONDUCT_DATA_DIR is memory://: an in-memory database has nothing on disk to back up.");
// Where src/lib/server/database.ts keeps the embedded database.
const dir = path.join(env.dataDir, "pglite");
if (!existsSync(path.join(dir, "PG_VERSION"))) fail(`there is no embedded database in ${dir}.`);
// PGlite writes postmaster.pid while the database is open and removes it on a clean close.
if (existsSync(path.join(dir, "postmaster.pid")) && !force) {
  fail(
    `the database in ${dir} is in use (postmaster.pid exists): stop the app and run this again. If the app is stopped and crashed earlier, add --force.`,
  );
}
const file = path.resolve(target ?? `conduct-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`);
if (existsSync(file)) fail(`${file} already exists: choose another file name.`);

const t0 = Date.now();
const db = new PGlite(dir);
try {
  const organisations = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization"`).then(
    (r) => String(r.rows[0]!.n),
    () => "no",
  );
  const dump = await db.dumpDataDir("gzip");
  // Readable by the owner only: the copy holds password hashes and every organisation's data.
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { flag: "wx", mode: 0o600 });
  console.log(
    `[conduct] backed up the embedded database (${organisations} organisation(s)) to ${file}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
  );
} finally {
  await db.close();
}
if (!env.authSecret && existsSync(path.join(env.dataDir, "auth-secret"))) {
  console.log(
    `[conduct] The generated sign-in secret (${path.join(env.dataDir, "auth-secret")}) is not part of the backup. Keep a copy with it (or set AUTH_SECRET): ` +
      "without it, a restored server signs everyone out and can no longer tell who already answered an anonymous survey.",
  );
}

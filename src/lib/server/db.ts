import "server-only";
import { openDatabase, type Database } from "./database";
import { serverEnv } from "./env";
import type { PrismaClient } from "@/generated/prisma/client";

// The one database handle of this process. Kept on globalThis so that dev-mode module
// reloads do not open a second PGlite on the same directory (it allows one owner).
const holder = globalThis as unknown as { __conductDb?: Database; __conductDbStopped?: boolean };

export function database(): Database {
  // After the server's shutdown closed it, a straggling request must not open it again.
  if (holder.__conductDbStopped) throw new Error("The server is stopping: the database is closed.");
  if (!holder.__conductDb) {
    const env = serverEnv();
    holder.__conductDb = openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  }
  return holder.__conductDb;
}

export function db(): PrismaClient {
  return database().prisma;
}

export async function closeDatabase(): Promise<void> {
  // The job queue runs on this handle: let it finish the job in hand first (jobs/boss.ts leaves
  // its stop here, as this module cannot import it without a cycle).
  const stopJobs = (globalThis as unknown as Record<symbol, (() => Promise<void>) | undefined>)[
    Symbol.for("conduct.stopJobs")
  ];
  if (stopJobs) await stopJobs().catch((err) => console.error("[jobs] could not stop the queue", err));
  const current = holder.__conductDb;
  holder.__conductDb = undefined;
  if (current) await current.close();
}

// scripts/serve.mjs runs Next's request handler in this same process, but it cannot import this
// module: Next bundles it into the server chunks (with the react-server condition and server-only),
// and serve.mjs is plain JavaScript that must not load the app's TypeScript itself. So this module
// leaves its shutdown on globalThis under a registered symbol, and serve.mjs calls it on SIGTERM or
// SIGINT once the in-flight requests have finished. Every copy of this module (instrumentation,
// each route bundle) shares the handle above, so whichever copy registered last closes the same one.
(globalThis as unknown as Record<symbol, () => Promise<void>>)[Symbol.for("conduct.closeDatabase")] = async () => {
  holder.__conductDbStopped = true;
  await closeDatabase();
};

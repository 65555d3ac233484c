import "server-only";
import { openDatabase, type Database } from "./database";
import { serverEnv } from "./env";
import type { PrismaClient } from "@/generated/prisma/client";

// The one database handle of this process. Kept on globalThis so that dev-mode module
// reloads do not open a second PGlite on the same directory (it allows one owner).
const holder = globalThis as unknown as { __conductDb?: Database };

export function database(): Database {
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
  const current = holder.__conductDb;
  holder.__conductDb = undefined;
  if (current) await current.close();
}

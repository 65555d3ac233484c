import "server-only";
import { openDatabase, type DatabaseConfig } from "../database";
import { dbPoolSize } from "../env";
import { migrateLocked, withMigrationLock } from "../migrate";
import { seedDemo } from "../../../../prisma/seed";

export interface SetupReport {
  kind: "embedded" | "postgres";
  migrated: string[];
  seeded: boolean;
  observations: number;
  ms: number;
}

/**
 * Brings a database up to date: applies pending migrations and, when it holds no organisation
 * yet and seeding is wanted, loads the demo data. Both under the migration lock, so that of several
 * processes or deploy steps starting at once one migrates and seeds, and the others then find it
 * done (docs/decisions/029). Opens and closes its own connection.
 */
export async function setUpDatabase(config: DatabaseConfig, opts: { seed: boolean }): Promise<SetupReport> {
  const t0 = Date.now();
  // The lock holds one connection while the seed writes through others.
  const database = openDatabase(config, { poolSize: Math.max(2, dbPoolSize()) });
  try {
    return await withMigrationLock(database.sql, async (conn) => {
      const migrated = await migrateLocked(conn);
      let seeded = false;
      let observations = 0;
      if (opts.seed && (await database.prisma.organization.count()) === 0) {
        observations = (await seedDemo(database.prisma)).observations;
        seeded = true;
      }
      return { kind: database.kind, migrated, seeded, observations, ms: Date.now() - t0 };
    });
  } finally {
    await database.close();
  }
}

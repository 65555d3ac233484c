import "server-only";
import { openDatabase, type DatabaseConfig } from "../database";
import { migrate } from "../migrate";
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
 * yet and seeding is wanted, loads the demo data. Opens and closes its own connection.
 */
export async function setUpDatabase(config: DatabaseConfig, opts: { seed: boolean }): Promise<SetupReport> {
  const t0 = Date.now();
  const database = openDatabase(config);
  try {
    const migrated = await migrate(database.sql);
    let seeded = false;
    let observations = 0;
    if (opts.seed && (await database.prisma.organization.count()) === 0) {
      observations = (await seedDemo(database.prisma)).observations;
      seeded = true;
    }
    return { kind: database.kind, migrated, seeded, observations, ms: Date.now() - t0 };
  } finally {
    await database.close();
  }
}

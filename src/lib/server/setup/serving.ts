import "server-only";
import { openDatabase } from "../database";
import { missingSharedSecrets } from "../env";
import { assertSchemaServes } from "../migrate";

/**
 * What stops a process on PostgreSQL (DATABASE_URL) from serving beside others, as one message naming
 * what to set, or undefined. Checked before anything is built or opened (docs/decisions/029).
 */
export function sharedSecretsProblem(): string | undefined {
  const missing = missingSharedSecrets();
  if (missing.length === 0) return undefined;
  return (
    `With DATABASE_URL set, ${missing.join(" and ")} must be set: every process and every build must share ` +
    `${missing.length > 1 ? "them" : "it"} (sessions signed by one process are read by the others, and a page ` +
    `from one build posts its forms to another). Generate each with \`openssl rand -base64 32\`.`
  );
}

/**
 * Refuses (throws, saying what to do) when the database is not at a schema this version can serve:
 * a migration of this version is missing, or one it does not know is not backward-compatible.
 */
export async function assertDatabaseServes(databaseUrl: string): Promise<void> {
  const database = openDatabase({ databaseUrl, dataDir: "memory://" }, { poolSize: 1 });
  try {
    await assertSchemaServes(database.sql);
  } finally {
    await database.close();
  }
}

import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * Whether a write failed on a unique index. Through adapter-pg Prisma reports P2002 (P2010 for raw SQL);
 * through the PGlite adapter the same refusal arrives as a DriverAdapterError carrying PostgreSQL's
 * SQLSTATE 23505. Both databases must answer the same, so every caller asks here.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002" || rawState(err) === "23505";
  return sqlState(err) === "23505";
}

/** The same for a foreign key the database refused (P2003 / SQLSTATE 23503). */
export function isForeignKeyViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2003" || rawState(err) === "23503";
  return sqlState(err) === "23503";
}

/** A raw statement ($queryRaw) that failed is P2010, carrying the adapter's error (with the SQLSTATE) in its meta. */
function rawState(err: InstanceType<typeof Prisma.PrismaClientKnownRequestError>): string | undefined {
  return err.code === "P2010"
    ? sqlState((err.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError)
    : undefined;
}

/**
 * Whether PostgreSQL broke a deadlock by aborting this transaction (SQLSTATE 40P01). Prisma maps
 * it to P2034 ("write conflict or deadlock") on adapter-pg; the PGlite adapter passes the SQLSTATE.
 * (PGlite is one connection, so it never deadlocks; the check is the same on both all the same.)
 */
export function isDeadlock(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2034";
  if (sqlState(err) === "40P01") return true;
  const cause = err instanceof Error ? (err as Error & { cause?: { kind?: string } }).cause : undefined;
  return cause?.kind === "TransactionWriteConflict";
}

/**
 * Runs a whole transaction again when the database aborted it as a deadlock victim: the victim's
 * work was rolled back entirely, so running it again is safe. Writes that touch the daily summary
 * go in (behaviour, team, day) order so that deadlocks are rare; this covers what ordering cannot
 * (a trigger or foreign key taking its locks in another order). `fn` must be the whole transaction.
 */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err;
      // A short random pause, so the two victims of one deadlock do not collide again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

function sqlState(err: unknown): string | undefined {
  if (!(err instanceof Error) || err.name !== "DriverAdapterError") return undefined;
  const cause = (err as Error & { cause?: { kind?: string; code?: string; originalCode?: string } }).cause;
  return cause?.kind === "postgres" ? cause.code : cause?.originalCode;
}

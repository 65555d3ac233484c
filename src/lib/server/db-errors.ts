import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * Whether a write failed on a unique index. Through adapter-pg Prisma reports P2002; through the
 * PGlite adapter the same refusal arrives as a DriverAdapterError carrying PostgreSQL's SQLSTATE
 * 23505. Both databases must answer the same, so every caller asks here.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  return sqlState(err) === "23505";
}

/** The same for a foreign key the database refused (P2003 / SQLSTATE 23503). */
export function isForeignKeyViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2003";
  return sqlState(err) === "23503";
}

function sqlState(err: unknown): string | undefined {
  if (!(err instanceof Error) || err.name !== "DriverAdapterError") return undefined;
  const cause = (err as Error & { cause?: { kind?: string; code?: string; originalCode?: string } }).cause;
  return cause?.kind === "postgres" ? cause.code : cause?.originalCode;
}

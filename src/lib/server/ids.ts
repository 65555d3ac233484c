import "server-only";
import { randomBytes } from "node:crypto";

/**
 * A new row id for a row written with raw SQL, where Prisma's @default(cuid()) does not run: "c", the time
 * in base 36, and 80 random bits in hex (29 characters; ids need only be unique and fit ID_SHAPE, and the
 * time first keeps new rows of one table roughly in order, as cuids are).
 */
export function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
}

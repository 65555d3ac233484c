import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { TableName } from "@/lib/domain/backup";

export type Client = PrismaClient | Prisma.TransactionClient;

/** The part of a model delegate the backup uses; the table descriptions name the columns (explicit select). */
export interface Delegate {
  findMany(args: {
    where: Record<string, unknown>;
    select: Record<string, true>;
    orderBy: Record<string, "asc" | "desc">[];
    take?: number;
  }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
}

export const delegate = (client: Client, table: TableName) =>
  (client as unknown as Record<string, Delegate>)[table[0]!.toLowerCase() + table.slice(1)]!;

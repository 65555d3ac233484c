import "server-only";
import { db } from "./db";
import type { Prisma } from "@/generated/prisma/client";

export interface AuditEntry {
  organizationId?: string | null;
  actorUserId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome: "ok" | "denied" | "failed";
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** Appends an audit event; pass the transaction client to make it part of the change it records. */
export async function recordAudit(entry: AuditEntry, client: Writer = db()): Promise<void> {
  await client.auditEvent.create({ data: { ...entry, organizationId: entry.organizationId ?? null } });
}

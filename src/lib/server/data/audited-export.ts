import "server-only";
import { recordAudit } from "../audit";
import { pushStream } from "../text-stream";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

/**
 * An export streamed by `produce` (see pushStream) and audited when it ends, with the rows it sent:
 * who took a copy of what is part of the record. `produce` counts the rows it wrote with `sent`. A
 * download that breaks off (the reader went away, a query failed) is recorded as failed, with the
 * rows sent until then and `complete: false`, rather than as if the file were whole.
 */
export function auditedExport(
  ctx: MemberContext,
  audit: { action: string; details?: Record<string, Prisma.InputJsonValue> },
  produce: (write: (text: string) => Promise<void>, sent: (rows: number) => void) => Promise<void>,
): ReadableStream<Uint8Array> {
  return pushStream(async (write) => {
    let rows = 0;
    let complete = false;
    try {
      await produce(write, (n) => {
        rows += n;
      });
      complete = true;
    } finally {
      await recordAudit({
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: audit.action,
        outcome: complete ? "ok" : "failed",
        details: { rows, ...audit.details, ...(complete ? {} : { complete: false }) },
      });
    }
  });
}

import "server-only";
import { can, type Permission } from "@/lib/domain/roles";
import { recordAudit } from "./audit";
import type { MemberContext } from "./data/accounts";
import { ForbiddenError } from "./errors";
import { requestIp } from "./request-ip";

/**
 * The one permission check of the data layer: a caller whose role lacks the permission is refused,
 * and the refusal is written to the audit trail (who, which organisation, what they tried, from where)
 * before the ForbiddenError reaches the page or action.
 */
export async function authorize(ctx: MemberContext, permission: Permission, message?: string): Promise<void> {
  if (can(ctx.role, permission, ctx.policy)) return;
  await recordRefusal({ organizationId: ctx.orgId, actorUserId: ctx.userId, permission });
  throw new ForbiddenError(message);
}

export interface Refusal {
  organizationId?: string | null;
  actorUserId?: string | null;
  permission?: Permission;
  /** The page path, when a page refused; server actions do not know their URL. */
  path?: string | null;
  reason?: "role" | "signed-out" | "not-a-member";
}

/** Writes an "access.denied" audit event. Never throws: a failed audit write must not turn a refusal into a 500. */
export async function recordRefusal(refusal: Refusal): Promise<void> {
  const { organizationId = null, actorUserId = null, permission, path, reason = "role" } = refusal;
  const details: Record<string, string> = { reason };
  if (permission) details.permission = permission;
  if (path) details.path = path.slice(0, 500);
  try {
    await recordAudit({
      organizationId,
      actorUserId,
      action: "access.denied",
      outcome: "denied",
      ip: await requestIp(),
      details,
    });
  } catch (err) {
    console.error("[audit] could not record a refused access", err);
  }
}

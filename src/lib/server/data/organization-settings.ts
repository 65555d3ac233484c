import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import type { MemberContext } from "./accounts";

/** An admin widens (or narrows back) what leaders may do with teams and value streams. */
export async function setLeadersManageTeams(ctx: MemberContext, allowed: boolean): Promise<void> {
  await authorize(ctx, "members.manage");
  await db().$transaction(async (tx) => {
    await tx.organization.update({ where: { id: ctx.orgId }, data: { leadersManageTeams: allowed } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "organization.settings",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { leadersManageTeams: allowed },
      },
      tx,
    );
  });
}

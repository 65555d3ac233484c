import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { dateOnly, dayOf } from "@/lib/domain/dates";
import type { MemberContext } from "./accounts";

/** Keeps the customer story told at a portfolio meeting, under the meeting's date. */
export async function saveCustomerStory(
  ctx: MemberContext,
  input: { meetingDate: string; story: string },
  now = new Date(),
): Promise<string> {
  await authorize(ctx, "dashboards.view");
  if (input.meetingDate > dayOf(now)) throw new RuleError("The meeting cannot be in the future.", "meetingDate");
  return db().$transaction(async (tx) => {
    // A story is customer feedback marked as one (issue 16); what the customer felt is not asked here.
    const s = await tx.customerFeedback.create({
      data: {
        organizationId: ctx.orgId,
        receivedOn: dateOnly(input.meetingDate),
        quote: input.story,
        source: "OTHER",
        sentiment: "MIXED",
        isStory: true,
        createdById: ctx.membershipId,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "customer-story.create",
        targetType: "CustomerStory",
        targetId: s.id,
        outcome: "ok",
      },
      tx,
    );
    return s.id;
  });
}

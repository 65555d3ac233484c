import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { dateOnly, dayOf, fromDateOnly } from "@/lib/domain/dates";
import type { FeedbackSource, Sentiment } from "@/lib/domain/feedback";
import type { StoryDto } from "@/lib/schemas/feedback";
import { checkOccurrence } from "./feedback";
import type { MemberContext } from "./accounts";

/**
 * Keeps the customer story told at a portfolio meeting, under the meeting's date: a feedback item
 * marked as a story (issue 16), with where it came from and how the customer felt.
 */
export async function saveCustomerStory(
  ctx: MemberContext,
  input: {
    meetingDate: string;
    story: string;
    customer?: string;
    source?: FeedbackSource;
    sentiment?: Sentiment;
    occurrenceId?: string;
  },
  now = new Date(),
): Promise<string> {
  await authorize(ctx, "dashboards.view");
  if (input.meetingDate > dayOf(now, ctx.timeZone))
    throw new RuleError("The meeting cannot be in the future.", "meetingDate");
  return db().$transaction(async (tx) => {
    await checkOccurrence(tx, ctx.orgId, input.occurrenceId);
    const s = await tx.customerFeedback.create({
      data: {
        organizationId: ctx.orgId,
        receivedOn: dateOnly(input.meetingDate),
        quote: input.story,
        customer: input.customer ?? "",
        source: input.source ?? "OTHER",
        sentiment: input.sentiment ?? "MIXED",
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

const STORY_SELECT = {
  id: true,
  quote: true,
  customer: true,
  source: true,
  sentiment: true,
  receivedOn: true,
} as const;

const toStory = (r: {
  id: string;
  quote: string;
  customer: string;
  source: string;
  sentiment: string;
  receivedOn: Date;
}): StoryDto => ({
  id: r.id,
  quote: r.quote,
  customer: r.customer,
  source: r.source as FeedbackSource,
  sentiment: r.sentiment as Sentiment,
  receivedOn: fromDateOnly(r.receivedOn),
});

/**
 * Customer stories to open a check-in with, newest first: feedback items marked as stories (or,
 * with `candidates`, recent feedback not marked yet, to pick one as today's story).
 */
export async function recentStories(
  ctx: MemberContext,
  options: { limit?: number; candidates?: boolean } = {},
): Promise<StoryDto[]> {
  const rows = await db().customerFeedback.findMany({
    where: { organizationId: ctx.orgId, isStory: !options.candidates },
    orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 10, 50),
    select: STORY_SELECT,
  });
  return rows.map(toStory);
}

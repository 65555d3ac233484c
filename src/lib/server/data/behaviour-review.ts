import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { videoTest } from "@/lib/domain/video-test";
import { videoTestTerms } from "./video-test-terms";
import { changedFields, type DefinitionSnapshot } from "@/lib/domain/behaviour";
import type { CriterionKey, VersionDto, VideoTestDto, VideoTestInput } from "@/lib/schemas/behaviour";
import type { MemberContext } from "./accounts";
import { closeReviewRequests, deliver, reviewersOf } from "./inbox";
import { behaviourReviewed, reviewRequested } from "@/lib/domain/inbox";

// The lifecycle: DRAFT → IN_REVIEW (only when the automatic video test passes) → ACTIVE (only
// after a human PASS by someone who is not the author) → RETIRED. Only ACTIVE can be observed.

async function load(ctx: MemberContext, id: string) {
  const b = await db().behaviour.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      id: true,
      status: true,
      version: true,
      authorId: true,
      title: true,
      actor: true,
      action: true,
      trigger: true,
      frequency: true,
      completionCriterion: true,
    },
  });
  if (!b) throw new NotFoundError();
  return b;
}

export async function submitForReview(ctx: MemberContext, id: string): Promise<void> {
  await authorize(ctx, "catalogue.edit");
  const b = await load(ctx, id);
  if (b.status !== "DRAFT") throw new RuleError("Only a draft can be submitted for review.");
  const check = videoTest(b, await videoTestTerms(ctx.orgId));
  if (!check.passes)
    throw new RuleError(
      `The automatic video test has ${check.findings.length} finding(s). Fix them in the editor first.`,
    );
  await db().$transaction(async (tx) => {
    const res = await tx.behaviour.updateMany({
      where: { id, organizationId: ctx.orgId, status: "DRAFT" },
      data: { status: "IN_REVIEW" },
    });
    if (res.count === 0) throw new RuleError("Only a draft can be submitted for review.");
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "behaviour.submit",
        targetType: "Behaviour",
        targetId: id,
        outcome: "ok",
      },
      tx,
    );
    // Everyone who may run the video test hears of it, except whoever wrote or submitted it.
    await deliver(tx, await reviewersOf(tx, ctx.orgId, [b.authorId, ctx.membershipId]), {
      organizationId: ctx.orgId,
      kind: "review.requested",
      subjectId: b.id,
      text: reviewRequested(b, ctx.userName),
    });
  });
}

/**
 * Four eyes: nobody who wrote any of the text awaiting approval may review it. That text is every
 * version after the last one a video test passed (all versions when none has), so an edit made
 * while the behaviour is in review counts, and so does one made before a withdraw and re-submit
 * (issue 15, item 10: a leader edited another author's behaviour in review, then passed it).
 * Null when the caller may review; otherwise the reason, shown to them.
 */
async function reviewerConflict(ctx: MemberContext, b: { id: string; authorId: string }): Promise<string | null> {
  if (b.authorId === ctx.membershipId) return "You wrote this behaviour, so someone else has to run its video test.";
  const passed = await db().videoTest.findFirst({
    where: { behaviourId: b.id, organizationId: ctx.orgId, verdict: "PASS" },
    orderBy: { behaviourVersion: "desc" },
    select: { behaviourVersion: true },
  });
  const edited = await db().behaviourVersion.findFirst({
    where: {
      behaviourId: b.id,
      organizationId: ctx.orgId,
      editedById: ctx.membershipId,
      version: { gt: passed?.behaviourVersion ?? 0 },
    },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (!edited) return null;
  return `You edited this behaviour (version ${edited.version}) since it was last approved: someone who wrote none of it has to run its video test.`;
}

/** For the behaviour page: why the caller may not run this behaviour's video test, or null. */
export async function reviewBlocker(ctx: MemberContext, id: string): Promise<string | null> {
  return reviewerConflict(ctx, await load(ctx, id));
}

/** A human video test. A PASS activates the behaviour; the author can never review their own. */
export async function recordVideoTest(ctx: MemberContext, input: VideoTestInput): Promise<"ACTIVE" | "IN_REVIEW"> {
  await authorize(ctx, "catalogue.review");
  const b = await load(ctx, input.behaviourId);
  const conflict = await reviewerConflict(ctx, b);
  if (conflict) throw new RuleError(conflict);
  if (b.status !== "IN_REVIEW") throw new RuleError("Only a behaviour in review can be video-tested.");
  if (b.version !== input.version)
    throw new RuleError(
      "The behaviour changed while you were reviewing it. Read the new version, then record your verdict.",
    );
  const answers: Record<CriterionKey, boolean> = {
    camera: input.camera === "yes",
    actor: input.actor === "yes",
    moment: input.moment === "yes",
    agreement: input.agreement === "yes",
  };
  return db().$transaction(async (tx) => {
    await tx.videoTest.create({
      data: {
        organizationId: ctx.orgId,
        behaviourId: b.id,
        behaviourVersion: b.version,
        reviewerId: ctx.membershipId,
        verdict: input.verdict,
        answers,
        notes: input.notes,
      },
    });
    let status: "ACTIVE" | "IN_REVIEW" = "IN_REVIEW";
    if (input.verdict === "PASS") {
      const res = await tx.behaviour.updateMany({
        where: { id: b.id, organizationId: ctx.orgId, status: "IN_REVIEW", version: b.version },
        data: { status: "ACTIVE" },
      });
      if (res.count === 0) throw new RuleError("The behaviour changed while you were reviewing it.");
      status = "ACTIVE";
    }
    await deliver(tx, [b.authorId], {
      organizationId: ctx.orgId,
      kind: "behaviour.reviewed",
      subjectId: b.id,
      text: behaviourReviewed(b, { verdict: input.verdict, reviewer: ctx.userName, notes: input.notes }),
    });
    // Active now: nobody else needs to review it. Failed: this reviewer's request is answered.
    if (status === "ACTIVE") await closeReviewRequests(tx, ctx.orgId, b.id);
    else
      await tx.notification.updateMany({
        where: { recipientId: ctx.membershipId, kind: "review.requested", subjectId: b.id, readAt: null },
        data: { readAt: new Date() },
      });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "behaviour.video-test",
        targetType: "Behaviour",
        targetId: b.id,
        outcome: "ok",
        details: { verdict: input.verdict },
      },
      tx,
    );
    return status;
  });
}

/** Back to draft from review (to rework it), or retire an active behaviour. */
export async function changeStatus(ctx: MemberContext, id: string, to: "DRAFT" | "RETIRED"): Promise<void> {
  await authorize(ctx, "catalogue.edit");
  const b = await load(ctx, id);
  const from = to === "DRAFT" ? "IN_REVIEW" : "ACTIVE";
  if (b.status !== from)
    throw new RuleError(
      to === "DRAFT" ? "Only a behaviour in review can go back to draft." : "Only an active behaviour can be retired.",
    );
  await db().$transaction(async (tx) => {
    await tx.behaviour.updateMany({ where: { id, organizationId: ctx.orgId, status: from }, data: { status: to } });
    if (to === "DRAFT") await closeReviewRequests(tx, ctx.orgId, id);
  });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: `behaviour.${to === "DRAFT" ? "withdraw" : "retire"}`,
    targetType: "Behaviour",
    targetId: id,
    outcome: "ok",
  });
}

export async function listVideoTests(ctx: MemberContext, id: string): Promise<VideoTestDto[]> {
  const rows = await db().videoTest.findMany({
    where: { behaviourId: id, organizationId: ctx.orgId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      verdict: true,
      behaviourVersion: true,
      answers: true,
      notes: true,
      createdAt: true,
      reviewer: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    reviewerName: r.reviewer.user.name,
    verdict: r.verdict,
    version: r.behaviourVersion,
    answers: r.answers as Record<CriterionKey, boolean>,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listVersions(ctx: MemberContext, id: string): Promise<VersionDto[]> {
  const rows = await db().behaviourVersion.findMany({
    where: { behaviourId: id, organizationId: ctx.orgId },
    orderBy: { version: "asc" },
    select: {
      version: true,
      snapshot: true,
      createdAt: true,
      editedBy: { select: { user: { select: { name: true } } } },
    },
  });
  return rows
    .map((r, i) => ({
      version: r.version,
      editorName: r.editedBy.user.name,
      createdAt: r.createdAt.toISOString(),
      changed: changedFields(
        i === 0 ? null : (rows[i - 1]!.snapshot as DefinitionSnapshot),
        r.snapshot as DefinitionSnapshot,
      ),
    }))
    .reverse();
}

import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { describeCueSchedule } from "@/lib/domain/cues";
import type { CueInput, CueSectionDto, UpdateCueInput } from "@/lib/schemas/cues";
import type { MemberContext } from "./accounts";

// Behaviour cues (issue 17): those who may edit a behaviour choose when it is prompted and where. The tick
// (src/lib/server/notify/tick.ts) sends them.

export class CueConflictError extends RuleError {
  constructor() {
    super("Someone changed this cue meanwhile. Reload the page to see their change.");
  }
}

const CUE_SELECT = {
  id: true,
  message: true,
  weekdays: true,
  localTime: true,
  email: true,
  webhookId: true,
  enabled: true,
  version: true,
  webhook: { select: { name: true } },
} as const;

export async function cueSection(ctx: MemberContext, behaviourId: string): Promise<CueSectionDto> {
  await authorize(ctx, "catalogue.edit");
  const [cues, webhooks, org] = await Promise.all([
    db().behaviourCue.findMany({
      where: { organizationId: ctx.orgId, behaviourId },
      select: CUE_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().webhook.findMany({
      where: { organizationId: ctx.orgId },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db().organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } }),
  ]);
  return {
    cues: cues.map(({ webhook, ...c }) => ({
      ...c,
      schedule: describeCueSchedule(c.weekdays, c.localTime),
      webhookName: webhook?.name ?? null,
    })),
    webhooks,
    timeZone: org.timeZone,
  };
}

/** The behaviour and the webhook must both be the caller's organisation's (checked together, in one place). */
async function checkLinks(ctx: MemberContext, input: CueInput) {
  const [behaviour, webhook] = await Promise.all([
    db().behaviour.findFirst({
      where: { id: input.behaviourId, organizationId: ctx.orgId, deletedAt: null },
      select: { id: true, status: true },
    }),
    input.webhookId
      ? db().webhook.findFirst({ where: { id: input.webhookId, organizationId: ctx.orgId }, select: { id: true } })
      : Promise.resolve(null),
  ]);
  if (!behaviour) throw new NotFoundError();
  if (behaviour.status === "RETIRED") throw new RuleError("A retired behaviour is not prompted any more.", "message");
  if (input.webhookId && !webhook) throw new RuleError("Choose a webhook from the list.", "webhookId");
}

const fields = (input: CueInput) => ({
  message: input.message,
  weekdays: input.weekdays,
  localTime: input.localTime,
  email: input.email,
  webhookId: input.webhookId,
  enabled: input.enabled,
});

export async function createCue(ctx: MemberContext, input: CueInput): Promise<string> {
  await authorize(ctx, "catalogue.edit");
  await checkLinks(ctx, input);
  return db().$transaction(async (tx) => {
    const cue = await tx.behaviourCue.create({
      data: {
        organizationId: ctx.orgId,
        behaviourId: input.behaviourId,
        createdById: ctx.membershipId,
        ...fields(input),
      },
      select: { id: true },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "cue.create",
        targetType: "BehaviourCue",
        targetId: cue.id,
        outcome: "ok",
        details: { behaviourId: input.behaviourId },
      },
      tx,
    );
    return cue.id;
  });
}

export async function updateCue(ctx: MemberContext, input: UpdateCueInput): Promise<void> {
  await authorize(ctx, "catalogue.edit");
  await checkLinks(ctx, input);
  await db().$transaction(async (tx) => {
    const changed = await tx.behaviourCue.updateMany({
      where: { id: input.id, organizationId: ctx.orgId, behaviourId: input.behaviourId, version: input.version },
      data: { ...fields(input), version: { increment: 1 } },
    });
    if (changed.count === 0) {
      const exists = await tx.behaviourCue.count({
        where: { id: input.id, organizationId: ctx.orgId, behaviourId: input.behaviourId },
      });
      throw exists ? new CueConflictError() : new NotFoundError();
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "cue.update",
        targetType: "BehaviourCue",
        targetId: input.id,
        outcome: "ok",
      },
      tx,
    );
  });
}

/** Returns the behaviour it belonged to. */
export async function deleteCue(ctx: MemberContext, id: string): Promise<string> {
  await authorize(ctx, "catalogue.edit");
  return db().$transaction(async (tx) => {
    const cue = await tx.behaviourCue.findFirst({
      where: { id, organizationId: ctx.orgId },
      select: { behaviourId: true },
    });
    if (!cue) throw new NotFoundError();
    await tx.behaviourCue.delete({ where: { id } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "cue.delete",
        targetType: "BehaviourCue",
        targetId: id,
        outcome: "ok",
        details: { behaviourId: cue.behaviourId },
      },
      tx,
    );
    return cue.behaviourId;
  });
}

import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import type { DefinitionSnapshot } from "@/lib/domain/behaviour";
import type { BehaviourFormValues, BehaviourInput, EditorOptionsDto, ValueInput } from "@/lib/schemas/behaviour";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { videoTestTerms as orgVideoTestTerms } from "./video-test-terms";

export async function editorOptions(ctx: MemberContext): Promise<EditorOptionsDto> {
  await authorize(ctx, "catalogue.edit");
  const [values, owners, videoTestTerms] = await Promise.all([
    db().value.findMany({
      where: { organizationId: ctx.orgId },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE" },
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } } },
    }),
    orgVideoTestTerms(ctx.orgId),
  ]);
  return { values, owners: owners.map((o) => ({ id: o.id, name: o.user.name })), videoTestTerms };
}

/** The saved definition as the editor shows it, with the version it starts from. */
export async function behaviourForEdit(
  ctx: MemberContext,
  id: string,
): Promise<{ values: BehaviourFormValues; version: number; status: string }> {
  await authorize(ctx, "catalogue.edit");
  const b = await db().behaviour.findFirst({
    where: { id, organizationId: ctx.orgId, deletedAt: null },
    select: {
      title: true,
      valueId: true,
      ownerId: true,
      actor: true,
      action: true,
      trigger: true,
      frequency: true,
      completionCriterion: true,
      customerOutcome: true,
      example: true,
      anchors: true,
      version: true,
      status: true,
    },
  });
  if (!b) throw new NotFoundError();
  const { version, status, anchors, ...rest } = b;
  return { values: { ...rest, anchors: anchors.join("\n") }, version, status };
}

/** Value and owner must belong to the caller's organisation: ids from the form prove nothing. */
async function checkReferences(
  tx: Prisma.TransactionClient,
  ctx: MemberContext,
  input: BehaviourInput,
  exceptId?: string,
) {
  const [value, owner, clash] = await Promise.all([
    tx.value.findFirst({ where: { id: input.valueId, organizationId: ctx.orgId }, select: { id: true } }),
    tx.membership.findFirst({
      where: { id: input.ownerId, organizationId: ctx.orgId, status: "ACTIVE" },
      select: { id: true },
    }),
    tx.behaviour.findFirst({
      where: {
        organizationId: ctx.orgId,
        title: { equals: input.title, mode: "insensitive" },
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    }),
  ]);
  if (!value) throw new RuleError("Choose a value of your organisation.", "valueId");
  if (!owner) throw new RuleError("Choose an active member of your organisation as owner.", "ownerId");
  if (clash) throw new RuleError("Another behaviour in your organisation already has this title.", "title");
}

const snapshot = (input: BehaviourInput): DefinitionSnapshot => ({ ...input });

export async function createBehaviour(ctx: MemberContext, input: BehaviourInput): Promise<string> {
  await authorize(ctx, "catalogue.edit");
  return db().$transaction(async (tx) => {
    await checkReferences(tx, ctx, input);
    const b = await tx.behaviour.create({
      data: { ...input, organizationId: ctx.orgId, authorId: ctx.membershipId, status: "DRAFT", version: 1 },
      select: { id: true },
    });
    await tx.behaviourVersion.create({
      data: {
        organizationId: ctx.orgId,
        behaviourId: b.id,
        version: 1,
        snapshot: snapshot(input),
        editedById: ctx.membershipId,
      },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "behaviour.create",
        targetType: "Behaviour",
        targetId: b.id,
        outcome: "ok",
      },
      tx,
    );
    return b.id;
  });
}

export class ConflictError extends RuleError {
  constructor(readonly current: number) {
    super(
      `Someone else saved this behaviour (now version ${current}) since you opened it. Your changes are still in the form: compare them with the current version, then save again.`,
    );
  }
}

/** Saves a new version. `expectedVersion` is the one the editor started from. */
export async function updateBehaviour(
  ctx: MemberContext,
  id: string,
  expectedVersion: number,
  input: BehaviourInput,
): Promise<number> {
  await authorize(ctx, "catalogue.edit");
  return db().$transaction(async (tx) => {
    const current = await tx.behaviour.findFirst({
      where: { id, organizationId: ctx.orgId, deletedAt: null },
      select: { version: true, status: true },
    });
    if (!current) throw new NotFoundError();
    if (current.status === "RETIRED") throw new RuleError("A retired behaviour cannot be edited.");
    await checkReferences(tx, ctx, input, id);
    const next = expectedVersion + 1;
    const res = await tx.behaviour.updateMany({
      where: { id, organizationId: ctx.orgId, version: expectedVersion },
      data: { ...input, version: next },
    });
    if (res.count === 0) throw new ConflictError(current.version);
    await tx.behaviourVersion.create({
      data: {
        organizationId: ctx.orgId,
        behaviourId: id,
        version: next,
        snapshot: snapshot(input),
        editedById: ctx.membershipId,
      },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "behaviour.update",
        targetType: "Behaviour",
        targetId: id,
        outcome: "ok",
        details: { version: next },
      },
      tx,
    );
    return next;
  });
}

/** Restoring an old version saves its definition as a new version; history is never rewritten. */
export async function restoreVersion(
  ctx: MemberContext,
  id: string,
  restore: number,
  expectedVersion: number,
): Promise<number> {
  await authorize(ctx, "catalogue.edit");
  const old = await db().behaviourVersion.findFirst({
    where: { behaviourId: id, organizationId: ctx.orgId, version: restore },
    select: { snapshot: true },
  });
  if (!old) throw new NotFoundError();
  const s = old.snapshot as DefinitionSnapshot;
  const input: BehaviourInput = {
    title: s.title ?? "",
    valueId: s.valueId ?? "",
    ownerId: s.ownerId ?? "",
    actor: s.actor ?? "",
    action: s.action ?? "",
    trigger: s.trigger ?? "",
    frequency: s.frequency ?? "",
    completionCriterion: s.completionCriterion ?? "",
    customerOutcome: s.customerOutcome ?? "",
    example: s.example ?? "",
    anchors: s.anchors ?? [],
  };
  try {
    return await updateBehaviour(ctx, id, expectedVersion, input);
  } catch (err) {
    // A restore has no fields to show a message beside: say which part of the old version no
    // longer fits (its owner left, its title is taken…) for the whole form (issue 15, item 14).
    if (err instanceof RuleError && err.field && !(err instanceof ConflictError))
      throw new RuleError(`Version ${restore} cannot be restored: ${err.message} Edit the behaviour instead.`);
    throw err;
  }
}

/** A customer-centric theme that behaviours belong to, e.g. "Ownership of customer outcomes". */
export async function createValue(ctx: MemberContext, input: ValueInput): Promise<string> {
  await authorize(ctx, "catalogue.edit");
  const clash = await db().value.findFirst({
    where: { organizationId: ctx.orgId, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (clash) throw new RuleError("Your organisation already has a value with this name.", "name");
  const position = await db().value.count({ where: { organizationId: ctx.orgId } });
  const v = await db().value.create({
    data: { organizationId: ctx.orgId, name: input.name, description: input.description, position },
    select: { id: true },
  });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "value.create",
    targetType: "Value",
    targetId: v.id,
    outcome: "ok",
  });
  return v.id;
}

import "server-only";
import { groupProtection } from "./group-size";
import { isUniqueViolation } from "../db-errors";
import { authorize } from "../authorize";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { newId } from "../ids";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { behaviourSentence } from "@/lib/domain/behaviour";
import { EDIT_WINDOW_MS, tappedAtProblem } from "@/lib/domain/observations";
import { addDays, currentDay, dateOnly, dayOf, middayOf } from "@/lib/domain/dates";
import type { LogBatchInput, LoggedDto, LogObservationInput, LogOptionsDto } from "@/lib/schemas/observations";
import type { MemberContext } from "./accounts";
import { gatherBarrierEvidence } from "./inbox";
import { spotCheckAllows, spotCheckCovers, spotCheckTeams, withSpotCheckTeams } from "./spot-check-access";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The caller's teams (and those a running spot check of theirs covers), the active behaviours, and
 * each team's recent usage (from the daily summary).
 */
export async function logOptions(ctx: MemberContext): Promise<LogOptionsDto> {
  const since = dateOnly(addDays(currentDay(ctx.timeZone), -90));
  const [memberTeams, behaviours, checkTeams] = await Promise.all([
    db().team.findMany({
      where: {
        organizationId: ctx.orgId,
        kind: "TEAM",
        archivedAt: null,
        members: { some: { membershipId: ctx.membershipId } },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null, parentId: null },
      orderBy: { title: "asc" },
      select: { id: true, title: true, actor: true, action: true, trigger: true, frequency: true },
    }),
    spotCheckTeams(ctx),
  ]);
  const teams = withSpotCheckTeams(memberTeams, checkTeams);
  // The pad's order by use: not for teams hidden under the minimum group size (a spot check's observer is an outsider).
  const hidden = (await groupProtection(ctx)).suppressed;
  const counted = teams.filter((t) => !hidden.has(t.id));
  const usageRows = counted.length
    ? await db().observationDaily.groupBy({
        by: ["teamId", "behaviourId"],
        where: { organizationId: ctx.orgId, teamId: { in: counted.map((t) => t.id) }, day: { gte: since } },
        _sum: { performed: true, missed: true },
      })
    : [];
  const usage: LogOptionsDto["usage"] = {};
  for (const r of usageRows) (usage[r.teamId] ??= {})[r.behaviourId] = (r._sum.performed ?? 0) + (r._sum.missed ?? 0);
  return {
    teams,
    behaviours: behaviours.map((b) => ({ id: b.id, title: b.title, sentence: behaviourSentence(b) })),
    usage,
  };
}

/**
 * Checks what the client named: an ACTIVE behaviour of this organisation and a team the caller is
 * in, or one a running spot check of theirs covers for this behaviour (named entries only there).
 */
async function target(ctx: MemberContext, behaviourId: string, teamId: string, anonymous = false): Promise<string> {
  await authorize(ctx, "observations.log");
  // The common case in one statement (every tap on the Log pad comes here): an active behaviour of
  // the organisation, and the caller in the named team of the same organisation. Raw SQL: it costs the
  // web process a third of the CPU that the query compiler does (bench/tap-statements.ts, issue 19).
  const [valid] = await db().$queryRaw<{ id: string; parentId: string | null }[]>`
    SELECT b."id", b."parentId" FROM "Behaviour" b
     WHERE b."id" = ${behaviourId} AND b."organizationId" = ${ctx.orgId} AND b."deletedAt" IS NULL AND b."status" = 'ACTIVE'
       AND EXISTS (SELECT 1 FROM "TeamMember" tm JOIN "Team" t ON t."id" = tm."teamId"
                    WHERE tm."organizationId" = ${ctx.orgId} AND tm."teamId" = ${teamId}
                      AND tm."membershipId" = ${ctx.membershipId} AND t."archivedAt" IS NULL)`;
  if (valid) return valid.parentId ?? valid.id;
  // Otherwise find out which of the two is wrong, to say so beside the right field.
  const [behaviour, membership] = await Promise.all([
    db().behaviour.findFirst({
      where: { id: behaviourId, organizationId: ctx.orgId, deletedAt: null },
      select: { id: true, status: true, parentId: true },
    }),
    db().teamMember.findFirst({
      where: { organizationId: ctx.orgId, teamId, membershipId: ctx.membershipId },
      select: { team: { select: { archivedAt: true } } },
    }),
  ]);
  if (!behaviour) throw new RuleError("Choose a behaviour from your organisation's catalogue.", "behaviourId");
  if (behaviour.status !== "ACTIVE") throw new RuleError("Only active behaviours can be observed.", "behaviourId");
  if (!membership) {
    const parent = behaviour.parentId ?? behaviour.id;
    if (!(await spotCheckAllows(ctx, teamId, parent)))
      throw (await spotCheckCovers(ctx, teamId))
        ? new RuleError("During your spot check you can log only its behaviour for this team.", "behaviourId")
        : new RuleError("You can log only for a team you belong to.", "teamId");
    if (anonymous)
      throw new RuleError(
        "Spot-check entries carry your name, so they can be set beside the team's: log this one with your name.",
        "teamId",
      );
    return parent;
  }
  if (membership.team.archivedAt) throw new RuleError("This team is archived: it takes no new observations.", "teamId");
  // A local variant is observed as part of its parent.
  return behaviour.parentId ?? behaviour.id;
}

async function save(
  ctx: MemberContext,
  data: {
    behaviourId: string;
    teamId: string;
    performed: number;
    missed: number;
    note: string;
    anonymous: boolean;
    idempotencyKey: string;
    occurredAt: Date;
    dayOnly?: boolean;
    source: "LOG" | "BATCH";
  },
): Promise<LoggedDto> {
  // Straight to the insert: the unique (organisation, key) index refuses a repeat, which is rare,
  // so the common path is one statement (issue 8: logging throughput); raw SQL, as the check above.
  const undoToken = randomBytes(24).toString("base64url");
  const now = new Date();
  try {
    const [o] = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "observerId", "anonymous",
        "occurredAt", "performed", "missed", "note", "source", "idempotencyKey", "undoTokenHash", "dayOnly",
        "createdAt", "updatedAt")
      VALUES (${newId()}, ${ctx.orgId}, ${data.behaviourId}, ${data.teamId},
        ${data.anonymous ? null : ctx.membershipId}, ${data.anonymous}, ${data.occurredAt}, ${data.performed},
        ${data.missed}, ${data.note}, ${data.source}::"ObservationSource", ${data.idempotencyKey}, ${hash(undoToken)},
        ${data.dayOnly ?? false}, ${now}, ${now})
      RETURNING "id"`;
    if (data.missed > 0 && data.note.trim()) await tellBarrierOwners(ctx, data);
    return { id: o!.id, undoToken, duplicate: false };
  } catch (err) {
    // A repeated submit (a double tap, a retry, or two racing): the first one stands; report it.
    if (isUniqueViolation(err)) {
      const winner = await db().observation.findFirst({
        where: { organizationId: ctx.orgId, idempotencyKey: data.idempotencyKey },
        select: { id: true },
      });
      if (winner) return { id: winner.id, undoToken: "", duplicate: true };
    }
    throw err;
  }
}

/**
 * A note on a miss is evidence for the barriers linked to the behaviour. Their owners' inbox must
 * not decide whether an observation is kept: a failure here is logged, and the entry stands.
 */
async function tellBarrierOwners(ctx: MemberContext, o: { behaviourId: string; teamId: string }): Promise<void> {
  try {
    await gatherBarrierEvidence(ctx, o);
  } catch (err) {
    console.error("[inbox] could not record barrier evidence", err);
  }
}

export async function logObservation(
  ctx: MemberContext,
  input: LogObservationInput,
  now = new Date(),
): Promise<LoggedDto> {
  const tappedAt = input.tappedAt ? new Date(input.tappedAt) : now;
  const problem = tappedAtProblem(tappedAt, now);
  if (problem) throw new RuleError(problem, "tappedAt");
  const behaviourId = await target(ctx, input.behaviourId, input.teamId, input.anonymous);
  const performed = input.outcome === "performed" ? 1 : 0;
  return save(ctx, {
    behaviourId,
    teamId: input.teamId,
    performed,
    missed: 1 - performed,
    note: input.note,
    anonymous: input.anonymous,
    idempotencyKey: input.idempotencyKey,
    occurredAt: tappedAt,
    source: "LOG",
  });
}

export async function logBatch(ctx: MemberContext, input: LogBatchInput, now = new Date()): Promise<LoggedDto> {
  const behaviourId = await target(ctx, input.behaviourId, input.teamId, input.anonymous);
  // A day rather than a moment: midday of that day in the organisation's zone, moved with it if the zone changes.
  const occurredAt = input.occurredOn ? middayOf(input.occurredOn, ctx.timeZone) : now;
  if (input.occurredOn && input.occurredOn > dayOf(now, ctx.timeZone))
    throw new RuleError("The date cannot be in the future.", "occurredOn");
  return save(ctx, {
    behaviourId,
    teamId: input.teamId,
    performed: input.performed,
    missed: input.opportunities - input.performed,
    note: input.note,
    anonymous: input.anonymous,
    idempotencyKey: input.idempotencyKey,
    occurredAt,
    dayOnly: Boolean(input.occurredOn),
    source: "BATCH",
  });
}

/** Undo (delete) within 24 hours, by the browser that holds the entry's undo token. */
export async function undoObservation(ctx: MemberContext, id: string, token: string, now = new Date()): Promise<void> {
  await authorize(ctx, "observations.log");
  const res = await db().observation.deleteMany({
    where: {
      id,
      organizationId: ctx.orgId,
      undoTokenHash: hash(token),
      createdAt: { gte: new Date(now.getTime() - EDIT_WINDOW_MS) },
    },
  });
  if (res.count === 0) throw new NotFoundError();
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "observation.undo",
    targetType: "Observation",
    targetId: id,
    outcome: "ok",
  });
}

/** Correct the outcome or note within 24 hours, by the browser that logged it. */
export async function editObservation(
  ctx: MemberContext,
  id: string,
  token: string,
  change: { outcome: "performed" | "missed"; note: string },
  now = new Date(),
): Promise<void> {
  await authorize(ctx, "observations.log");
  const performed = change.outcome === "performed" ? 1 : 0;
  const res = await db().observation.updateMany({
    where: {
      id,
      organizationId: ctx.orgId,
      undoTokenHash: hash(token),
      source: "LOG",
      createdAt: { gte: new Date(now.getTime() - EDIT_WINDOW_MS) },
    },
    data: { performed, missed: 1 - performed, note: change.note },
  });
  if (res.count === 0) throw new NotFoundError();
}

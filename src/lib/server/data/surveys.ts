import "server-only";
import { authorize } from "../authorize";
import { createHmac } from "node:crypto";
import { db } from "../db";
import { recordAudit } from "../audit";
import { authSecret } from "../auth-secret";
import { NotFoundError, RuleError } from "../errors";
import { behaviourSentence } from "@/lib/domain/behaviour";
import { smallSampleWarning } from "@/lib/domain/barrier-stats";
import { groupFromChoices, tabulateSurvey, type Group, type SurveyShape } from "@/lib/domain/surveys";
import { closingDayProblem, isSurveyClosed } from "@/lib/domain/survey-closing";
import { currentDay, dateOnly, fromDateOnly, type IsoDate } from "@/lib/domain/dates";
import type { SurveyDto, SurveyInput, SurveyQuestionDto, SurveyRowDto, TabulationDto } from "@/lib/schemas/surveys";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

export async function listSurveys(ctx: MemberContext): Promise<SurveyRowDto[]> {
  const rows = await db().survey.findMany({
    // A deleted behaviour takes its surveys out of sight with it (they come back when it is restored).
    where: { organizationId: ctx.orgId, deletedAt: null, behaviour: { deletedAt: null } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      closesOn: true,
      createdAt: true,
      behaviour: { select: { title: true } },
      _count: { select: { respondents: true } },
    },
  });
  const today = currentDay(ctx.timeZone);
  return rows.map((r) => {
    const closing = { status: r.status, closesOn: r.closesOn ? fromDateOnly(r.closesOn) : null };
    return {
      id: r.id,
      title: r.title,
      behaviourTitle: r.behaviour.title,
      ...closing,
      closed: isSurveyClosed(closing, today),
      respondents: r._count.respondents,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

/** The closing day a manager chose, checked against the organisation's today (the schema knows no zone). */
function closingDay(ctx: MemberContext, closesOn: IsoDate | null): Date | null {
  const problem = closingDayProblem(closesOn, currentDay(ctx.timeZone));
  if (problem) throw new RuleError(problem, "closesOn");
  return closesOn === null ? null : dateOnly(closesOn);
}

/** Behaviours a survey can be about, with the action a default screening question asks after. */
export async function surveyBehaviours(ctx: MemberContext): Promise<{ id: string; name: string; action: string }[]> {
  await authorize(ctx, "barriers.manage");
  const rows = await db().behaviour.findMany({
    where: { organizationId: ctx.orgId, deletedAt: null, parentId: null, status: { not: "RETIRED" } },
    orderBy: { title: "asc" },
    select: { id: true, title: true, action: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.title, action: r.action }));
}

export async function createSurvey(ctx: MemberContext, input: SurveyInput): Promise<string> {
  await authorize(ctx, "barriers.manage");
  const closesOn = closingDay(ctx, input.closesOn);
  return db().$transaction(async (tx) => {
    const behaviour = await tx.behaviour.findFirst({
      where: { id: input.behaviourId, organizationId: ctx.orgId, deletedAt: null, parentId: null },
      select: { id: true },
    });
    if (!behaviour) throw new RuleError("Choose a behaviour of your organisation's catalogue.", "behaviourId");
    const survey = await tx.survey.create({
      data: {
        organizationId: ctx.orgId,
        behaviourId: behaviour.id,
        title: input.title,
        prevalence: input.prevalencePct / 100,
        anonymous: input.anonymous,
        closesOn,
        createdById: ctx.membershipId,
      },
      select: { id: true },
    });
    for (const [position, q] of input.questions.entries()) {
      await tx.surveyQuestion.create({
        data: {
          organizationId: ctx.orgId,
          surveyId: survey.id,
          position,
          text: q.text,
          kind: q.kind,
          multiple: q.multiple,
          determinant: q.kind === "DETERMINANT" ? q.determinant : null,
          options: {
            create: q.options.map((o, i) => ({
              organizationId: ctx.orgId,
              position: i,
              label: o.label,
              classifies: q.kind === "SCREENING" ? o.classifies : null,
            })),
          },
        },
      });
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "survey.create",
        targetType: "Survey",
        targetId: survey.id,
        outcome: "ok",
      },
      tx,
    );
    return survey.id;
  });
}

/** A survey with its questions and how many people answered, for anyone in the organisation. */
export async function getSurvey(ctx: MemberContext, id: string): Promise<SurveyDto> {
  const [s, groups] = await Promise.all([
    db().survey.findFirst({
      where: { id, organizationId: ctx.orgId, deletedAt: null, behaviour: { deletedAt: null } },
      select: {
        id: true,
        title: true,
        prevalence: true,
        anonymous: true,
        status: true,
        closesOn: true,
        deidentifiedAt: true,
        behaviour: { select: { id: true, title: true, actor: true, action: true, trigger: true, frequency: true } },
        questions: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            text: true,
            kind: true,
            determinant: true,
            multiple: true,
            options: { orderBy: { position: "asc" }, select: { id: true, label: true, classifies: true } },
          },
        },
      },
    }),
    db().surveyRespondent.groupBy({
      by: ["group", "source"],
      where: { surveyId: id, organizationId: ctx.orgId },
      _count: { _all: true },
    }),
  ]);
  if (!s) throw new NotFoundError();
  const closing = { status: s.status, closesOn: s.closesOn ? fromDateOnly(s.closesOn) : null };
  const count = (pred: (g: (typeof groups)[number]) => boolean) =>
    groups.filter(pred).reduce((n, g) => n + g._count._all, 0);
  return {
    id: s.id,
    title: s.title,
    prevalence: s.prevalence,
    anonymous: s.anonymous,
    ...closing,
    closed: isSurveyClosed(closing, currentDay(ctx.timeZone)),
    deidentifiedAt: s.deidentifiedAt?.toISOString() ?? null,
    behaviour: { id: s.behaviour.id, title: s.behaviour.title, sentence: behaviourSentence(s.behaviour) },
    questions: s.questions as SurveyQuestionDto[],
    counts: {
      doers: count((g) => g.group === "DOER"),
      nonDoers: count((g) => g.group === "NON_DOER"),
      excluded: count((g) => g.group === "EXCLUDED"),
      fromApp: count((g) => g.source === "APP"),
      imported: count((g) => g.source === "IMPORT"),
    },
  };
}

/** Every determinant response against doers and non-doers: one GROUP BY over the answers. */
export async function surveyTabulation(ctx: MemberContext, id: string): Promise<TabulationDto & { survey: SurveyDto }> {
  await authorize(ctx, "barriers.manage");
  const survey = await getSurvey(ctx, id);
  const [answers, barriers] = await Promise.all([
    db().surveyAnswer.groupBy({
      by: ["optionId", "group"],
      where: { surveyId: id, organizationId: ctx.orgId, group: { not: "EXCLUDED" } },
      _count: { _all: true },
    }),
    db().barrier.findMany({
      where: { surveyId: id, organizationId: ctx.orgId, deletedAt: null },
      select: { id: true, statistics: true },
    }),
  ]);
  const counts = new Map<string, { doers: number; nonDoers: number }>();
  for (const a of answers) {
    const c = counts.get(a.optionId) ?? { doers: 0, nonDoers: 0 };
    if (a.group === "DOER") c.doers += a._count._all;
    else c.nonDoers += a._count._all;
    counts.set(a.optionId, c);
  }
  const byOption = new Map(barriers.map((b) => [(b.statistics as { optionId?: string } | null)?.optionId, b.id]));
  const rows = tabulateSurvey(
    survey as SurveyShape,
    counts,
    { doers: survey.counts.doers, nonDoers: survey.counts.nonDoers },
    survey.prevalence,
  );
  return {
    survey,
    rows: rows.map((r) => ({ ...r, barrierId: byOption.get(r.optionId) ?? null })),
    doers: survey.counts.doers,
    nonDoers: survey.counts.nonDoers,
    warning: smallSampleWarning(survey.counts.doers, survey.counts.nonDoers),
    prevalence: survey.prevalence,
  };
}

/** A keyed fingerprint of the member for this survey: stops a second response without naming anyone. */
export const responderKey = (surveyId: string, membershipId: string) =>
  createHmac("sha256", authSecret()).update(`survey:${surveyId}:${membershipId}`).digest("hex");

export async function hasResponded(ctx: MemberContext, surveyId: string): Promise<boolean> {
  const n = await db().surveyRespondent.count({
    where: { surveyId, organizationId: ctx.orgId, responderKey: responderKey(surveyId, ctx.membershipId) },
  });
  return n > 0;
}

/**
 * Checks one person's choices against the survey: every question answered, one response where
 * only one is allowed, responses of that question only. Returns the field errors by question id.
 */
export function checkChoices(
  shape: SurveyShape,
  choices: ReadonlyMap<string, string[]>,
): { optionIds: string[]; group: Group | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const optionIds: string[] = [];
  for (const q of shape.questions) {
    const chosen = [...new Set(choices.get(q.id) ?? [])];
    if (chosen.length === 0) errors[`q_${q.id}`] = "Choose a response.";
    else if (chosen.length > 1 && !q.multiple) errors[`q_${q.id}`] = "Choose one response.";
    else if (chosen.some((o) => !q.options.some((opt) => opt.id === o)))
      errors[`q_${q.id}`] = "Choose one of the responses shown.";
    else optionIds.push(...chosen);
  }
  return { optionIds, group: groupFromChoices(shape, new Set(optionIds)), errors };
}

const CLOSED = "This survey is closed: it takes no more responses.";
const CANNOT_REOPEN =
  "Its answers were de-identified a week after it closed, so it cannot reopen: nothing could tell a second answer from a first. Make a new survey to ask again.";

export async function respondToSurvey(
  ctx: MemberContext,
  surveyId: string,
  choices: ReadonlyMap<string, string[]>,
): Promise<void> {
  await authorize(ctx, "surveys.respond");
  const survey = await getSurvey(ctx, surveyId);
  if (survey.closed) throw new RuleError(CLOSED);
  const { optionIds, group, errors } = checkChoices(survey as SurveyShape, choices);
  const [first] = Object.entries(errors);
  if (first) throw new RuleError(first[1], first[0]);
  const key = responderKey(surveyId, ctx.membershipId);
  await db().$transaction(async (tx) => {
    // Checked again under a share lock, with the day read now: a close, a new closing day or midnight in the
    // organisation's zone between the page and this write cannot let a response in after the survey closed.
    const [row] = await tx.$queryRaw<{ status: "OPEN" | "CLOSED"; closesOn: Date | null }[]>`
      SELECT "status", "closesOn" FROM "Survey"
      WHERE "id" = ${surveyId} AND "organizationId" = ${ctx.orgId} AND "deletedAt" IS NULL FOR SHARE`;
    if (!row) throw new NotFoundError();
    const closing = { status: row.status, closesOn: row.closesOn ? fromDateOnly(row.closesOn) : null };
    if (isSurveyClosed(closing, currentDay(ctx.timeZone))) throw new RuleError(CLOSED);
    if (await tx.surveyRespondent.findFirst({ where: { surveyId, responderKey: key }, select: { id: true } }))
      throw new RuleError("You have already answered this survey. Thank you!");
    const n = await tx.surveyRespondent.count({ where: { surveyId } });
    const respondent = await tx.surveyRespondent.create({
      data: {
        organizationId: ctx.orgId,
        surveyId,
        label: `app-${n + 1}-${key.slice(0, 6)}`,
        group: group!,
        source: "APP",
        responderKey: key,
        membershipId: survey.anonymous ? null : ctx.membershipId,
      },
      select: { id: true, organizationId: true, surveyId: true, group: true },
    });
    await writeAnswers(tx, respondent, optionIds, survey.questions);
  });
}

/** A respondent's answers; their survey and group are copied onto each, so the tabulation is one GROUP BY. */
async function writeAnswers(
  tx: Prisma.TransactionClient,
  respondent: { id: string; organizationId: string; surveyId: string; group: Group },
  optionIds: string[],
  questions: SurveyQuestionDto[],
): Promise<void> {
  const questionOf = new Map(questions.flatMap((q) => q.options.map((o) => [o.id, q.id] as const)));
  const { id: respondentId, organizationId, surveyId, group } = respondent;
  await tx.surveyAnswer.createMany({
    data: optionIds.map((optionId) => ({
      organizationId,
      surveyId,
      respondentId,
      optionId,
      questionId: questionOf.get(optionId)!,
      group,
    })),
  });
}

export async function setSurveyStatus(ctx: MemberContext, surveyId: string, status: "OPEN" | "CLOSED"): Promise<void> {
  await authorize(ctx, "barriers.manage");
  const where = { id: surveyId, organizationId: ctx.orgId, deletedAt: null };
  const res = await db().$transaction(async (tx) => {
    // Conditional on not being de-identified: its answers can no longer tell a second answer from a first.
    const updated = await tx.survey.updateMany({
      where: status === "OPEN" ? { ...where, deidentifiedAt: null } : where,
      data: { status, closedAt: status === "CLOSED" ? new Date() : null },
    });
    if (updated.count === 0 && status === "OPEN" && (await tx.survey.count({ where })) > 0)
      throw new RuleError(CANNOT_REOPEN);
    // Reopening a survey whose closing day is past reopens it until closed by hand: a past day would close it again.
    if (status === "OPEN")
      await tx.survey.updateMany({
        where: { ...where, closesOn: { lt: dateOnly(currentDay(ctx.timeZone)) } },
        data: { closesOn: null },
      });
    return updated;
  });
  if (res.count === 0) throw new NotFoundError();
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: `survey.${status === "OPEN" ? "open" : "close"}`,
    targetType: "Survey",
    targetId: surveyId,
    outcome: "ok",
  });
}

/** The last day a survey takes responses (null: until closed by hand); not a day before the organisation's today. */
export async function setSurveyClosesOn(ctx: MemberContext, surveyId: string, closesOn: IsoDate | null): Promise<void> {
  await authorize(ctx, "barriers.manage");
  const day = closingDay(ctx, closesOn);
  await db().$transaction(async (tx) => {
    const where = { id: surveyId, organizationId: ctx.orgId, deletedAt: null };
    // A new day could reopen it: not once its answers are de-identified.
    const res = await tx.survey.updateMany({ where: { ...where, deidentifiedAt: null }, data: { closesOn: day } });
    if (res.count === 0) {
      if ((await tx.survey.count({ where })) > 0) throw new RuleError(CANNOT_REOPEN, "closesOn");
      throw new NotFoundError();
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "survey.closing_day",
        details: { closesOn },
        targetType: "Survey",
        targetId: surveyId,
        outcome: "ok",
      },
      tx,
    );
  });
}

import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { decisionStatus, unansweredPositions } from "@/lib/domain/decisions";
import type {
  DecisionDetailDto,
  DecisionFormOptionsDto,
  DecisionInput,
  DecisionUpdateInput,
  SavedDecision,
} from "@/lib/schemas/decisions";
import type { Prisma } from "@/generated/prisma/client";
import { currentAnchorQuestions } from "./anchor-questions";
import { DECISION_ROW_SELECT, toDecisionRow } from "./decision-log";
import type { MemberContext } from "./accounts";

// Decisions with behavioural anchors (issue 16). A decision answers the organisation's anchor
// questions, and, when it names a behaviour, that behaviour's own decision questions (its anchors)
// as well: the behaviour's owners wrote them as the questions a decision about it must face, so
// they are required like the organisation's. While any answer is empty the decision is saved as a
// DRAFT, never as decided (domain/decisions.ts decisionStatus).
// The questions are fixed when the decision is first saved (each DecisionAnswer keeps its text), so
// the behaviour and meeting a decision names cannot change afterwards. Editing a DECIDED decision is
// allowed, on the version the editor loaded: it stays decided (by the same person, at the same time)
// only while every question is answered; clearing an answer makes it a draft again.

type Tx = Prisma.TransactionClient;

export class DecisionConflictError extends RuleError {
  constructor() {
    super(
      "Someone else saved this decision since you opened it. Your answers are still in the form: reload the page in another tab to compare, then save again.",
    );
  }
}

export class QuestionsChangedError extends RuleError {
  constructor() {
    super(
      "The questions to answer changed since you opened this form (an admin edited the anchor questions, or the behaviour's questions changed). Your answers are still here: copy them, reload the page and answer the questions as they are now.",
    );
  }
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

async function checkTeam(tx: Tx, ctx: MemberContext, teamId: string | null) {
  if (teamId && !(await tx.team.count({ where: { id: teamId, organizationId: ctx.orgId } })))
    throw new RuleError("Choose a team of your organisation.", "teamId");
}

/** The questions a new decision must answer: the organisation's, then the named behaviour's own. */
async function questionsFor(tx: Tx, ctx: MemberContext, behaviourId: string | null): Promise<string[]> {
  const org = (await currentAnchorQuestions(ctx.orgId, tx)).map((q) => q.text);
  if (!behaviourId) return org;
  const b = await tx.behaviour.findFirst({
    where: { id: behaviourId, organizationId: ctx.orgId, deletedAt: null },
    select: { anchors: true },
  });
  if (!b) throw new RuleError("Choose a behaviour of your catalogue.", "behaviourId");
  return [...org, ...b.anchors.filter((a) => !org.includes(a))];
}

const audit = (ctx: MemberContext, action: string, id: string, tx: Tx, status: string) =>
  recordAudit(
    {
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      action,
      targetType: "Decision",
      targetId: id,
      outcome: "ok",
      details: { status },
    },
    tx,
  );

export async function createDecision(
  ctx: MemberContext,
  input: DecisionInput,
  now = new Date(),
): Promise<SavedDecision> {
  await authorize(ctx, "decisions.record");
  return db().$transaction(async (tx) => {
    if (input.occurrenceId) {
      const occ = await tx.ritualOccurrence.count({ where: { id: input.occurrenceId, organizationId: ctx.orgId } });
      if (!occ) throw new NotFoundError();
    }
    await checkTeam(tx, ctx, input.teamId);
    const questions = await questionsFor(tx, ctx, input.behaviourId);
    if (!same(questions, input.questions)) throw new QuestionsChangedError();
    const status = decisionStatus(input.answers);
    const created = await tx.decision.create({
      data: {
        organizationId: ctx.orgId,
        title: input.title,
        detail: input.detail,
        status,
        decidedById: status === "DECIDED" ? ctx.membershipId : null,
        decidedAt: status === "DECIDED" ? now : null,
        teamId: input.teamId,
        behaviourId: input.behaviourId,
        occurrenceId: input.occurrenceId,
        createdById: ctx.membershipId,
        answers: {
          create: questions.map((question, position) => ({
            organizationId: ctx.orgId,
            position,
            question,
            answer: input.answers[position]!,
          })),
        },
      },
      select: { id: true, version: true },
    });
    await audit(ctx, "decision.create", created.id, tx, status);
    return { ...created, status, unanswered: unansweredPositions(input.answers) };
  });
}

export async function updateDecision(
  ctx: MemberContext,
  input: DecisionUpdateInput,
  now = new Date(),
): Promise<SavedDecision> {
  await authorize(ctx, "decisions.record");
  return db().$transaction(async (tx) => {
    const d = await tx.decision.findFirst({
      where: { id: input.id, organizationId: ctx.orgId },
      select: {
        status: true,
        decidedById: true,
        decidedAt: true,
        answers: { select: { question: true }, orderBy: { position: "asc" } },
      },
    });
    if (!d) throw new NotFoundError();
    await checkTeam(tx, ctx, input.teamId);
    if (
      !same(
        d.answers.map((a) => a.question),
        input.questions,
      )
    )
      throw new QuestionsChangedError();
    const status = decisionStatus(input.answers);
    const keep = status === "DECIDED" && d.status === "DECIDED";
    const res = await tx.decision.updateMany({
      where: { id: input.id, organizationId: ctx.orgId, version: input.version },
      data: {
        title: input.title,
        detail: input.detail,
        teamId: input.teamId,
        status,
        decidedById: status === "DECIDED" ? (keep ? d.decidedById : ctx.membershipId) : null,
        decidedAt: status === "DECIDED" ? (keep ? d.decidedAt : now) : null,
        version: { increment: 1 },
      },
    });
    if (res.count === 0) throw new DecisionConflictError();
    for (const [position, answer] of input.answers.entries())
      await tx.decisionAnswer.updateMany({
        where: { decisionId: input.id, organizationId: ctx.orgId, position },
        data: { answer },
      });
    await audit(ctx, "decision.update", input.id, tx, status);
    return { id: input.id, version: input.version + 1, status, unanswered: unansweredPositions(input.answers) };
  });
}

/** What the form offers: the organisation's questions, teams, and behaviours with their own questions. */
export async function decisionFormOptions(ctx: MemberContext): Promise<DecisionFormOptionsDto> {
  await authorize(ctx, "decisions.record");
  const [questions, teams, behaviours] = await Promise.all([
    currentAnchorQuestions(ctx.orgId),
    db().team.findMany({
      where: { organizationId: ctx.orgId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null, parentId: null, status: { not: "RETIRED" } },
      select: { id: true, title: true, anchors: true },
      orderBy: { title: "asc" },
    }),
  ]);
  const org = questions.map((q) => q.text);
  return {
    questions: org,
    teams,
    behaviours: behaviours.map((b) => ({
      id: b.id,
      name: b.title,
      anchors: b.anchors.filter((a) => !org.includes(a)),
    })),
  };
}

export async function getDecision(ctx: MemberContext, id: string): Promise<DecisionDetailDto> {
  const d = await db().decision.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      ...DECISION_ROW_SELECT,
      detail: true,
      version: true,
      teamId: true,
      behaviourId: true,
      answers: { select: { question: true, answer: true }, orderBy: { position: "asc" } },
    },
  });
  if (!d) throw new NotFoundError();
  return {
    ...toDecisionRow(d),
    detail: d.detail,
    version: d.version,
    teamId: d.teamId,
    behaviourId: d.behaviourId,
    answers: d.answers,
  };
}

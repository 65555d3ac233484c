import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { fromDateOnly } from "@/lib/domain/dates";
import { toCsv } from "@/lib/domain/csv";
import type { DecisionFilter, DecisionPageDto, DecisionRowDto } from "@/lib/schemas/decisions";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

// The decision log (issue 16): per organisation, filterable by team, ritual and status, newest
// first. Drafts (a question unanswered) are listed apart from decisions. Every member may read it.

export const DECISION_PAGE_SIZE = 30;
export const MAX_DECISION_EXPORT_ROWS = 20_000;

export const DECISION_ROW_SELECT = {
  id: true,
  title: true,
  status: true,
  decidedAt: true,
  createdAt: true,
  team: { select: { name: true } },
  behaviour: { select: { title: true } },
  occurrence: { select: { date: true, ritual: { select: { title: true } } } },
  decidedBy: { select: { user: { select: { name: true } } } },
  createdBy: { select: { user: { select: { name: true } } } },
  answers: { select: { answer: true } },
} as const satisfies Prisma.DecisionSelect;

type Row = Prisma.DecisionGetPayload<{ select: typeof DECISION_ROW_SELECT }>;

export const toDecisionRow = (r: Row): DecisionRowDto => ({
  id: r.id,
  title: r.title,
  status: r.status,
  teamName: r.team?.name ?? null,
  ritualTitle: r.occurrence?.ritual.title ?? null,
  occurrenceDate: r.occurrence ? fromDateOnly(r.occurrence.date) : null,
  behaviourTitle: r.behaviour?.title ?? null,
  decidedByName: r.decidedBy?.user.name ?? null,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  createdByName: r.createdBy.user.name,
  unanswered: r.answers.filter((a) => a.answer.trim() === "").length,
});

const ORDER: Prisma.DecisionOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

function logWhere(ctx: MemberContext, f: Partial<DecisionFilter>): Prisma.DecisionWhereInput {
  return {
    organizationId: ctx.orgId,
    ...(f.team ? { teamId: f.team } : {}),
    ...(f.ritual ? { occurrence: { ritualId: f.ritual } } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

export function encodeDecisionCursor(r: { createdAt: string; id: string }): string {
  return `${r.createdAt}_${r.id}`;
}

export function decodeDecisionCursor(s: string): { at: Date; id: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9]{1,40})$/.exec(s);
  if (!m) return null;
  const at = new Date(m[1]!);
  return Number.isNaN(at.getTime()) ? null : { at, id: m[2]! };
}

/** One page of the log, newest first, and how many drafts the same filters hold (listed apart). */
export async function listDecisions(
  ctx: MemberContext,
  filter: DecisionFilter,
  cursor?: string,
): Promise<DecisionPageDto> {
  const where = logWhere(ctx, filter);
  const c = cursor ? decodeDecisionCursor(cursor) : null;
  const [rows, drafts] = await Promise.all([
    db().decision.findMany({
      where: c ? { AND: [where, { OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] }] } : where,
      orderBy: ORDER,
      take: DECISION_PAGE_SIZE + 1,
      select: DECISION_ROW_SELECT,
    }),
    db().decision.count({ where: logWhere(ctx, { ...filter, status: "DRAFT" }) }),
  ]);
  const page = rows.slice(0, DECISION_PAGE_SIZE).map(toDecisionRow);
  return {
    rows: page,
    drafts,
    nextCursor: rows.length > DECISION_PAGE_SIZE ? encodeDecisionCursor(page.at(-1)!) : null,
  };
}

/** Decisions recorded in these meetings (for an occurrence's page), newest first. */
export async function listDecisionsFor(ctx: MemberContext, q: { occurrenceIds: string[] }): Promise<DecisionRowDto[]> {
  const rows = await db().decision.findMany({
    where: { organizationId: ctx.orgId, occurrenceId: { in: q.occurrenceIds } },
    orderBy: ORDER,
    take: 200,
    select: DECISION_ROW_SELECT,
  });
  return rows.map(toDecisionRow);
}

export async function decisionFilterOptions(ctx: MemberContext) {
  const [teams, rituals] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.orgId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().ritual.findMany({
      where: { organizationId: ctx.orgId },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
  ]);
  return { teams, rituals: rituals.map((r) => ({ id: r.id, name: r.title })) };
}

/**
 * The filtered log as CSV, one row per decision with its questions and answers side by side (the
 * questions as they were asked). At most 20,000 decisions; the export is audited.
 */
export async function exportDecisionsCsv(ctx: MemberContext, filter: Partial<DecisionFilter>): Promise<string> {
  const rows = await db().decision.findMany({
    where: logWhere(ctx, filter),
    orderBy: ORDER,
    take: MAX_DECISION_EXPORT_ROWS,
    select: {
      ...DECISION_ROW_SELECT,
      detail: true,
      answers: { select: { question: true, answer: true }, orderBy: { position: "asc" } },
    },
  });
  const pairs = Math.max(0, ...rows.map((r) => r.answers.length));
  const header = [
    "decision",
    "status",
    "decided_by",
    "decided_at",
    "team",
    "ritual",
    "meeting_date",
    "behaviour",
    "detail",
    ...Array.from({ length: pairs }, (_, i) => [`question_${i + 1}`, `answer_${i + 1}`]).flat(),
  ];
  const csv = toCsv([
    header,
    ...rows.map((r) => {
      const d = toDecisionRow(r);
      return [
        r.title,
        r.status === "DECIDED" ? "Decided" : "Draft",
        d.decidedByName ?? "",
        d.decidedAt ?? "",
        d.teamName ?? "",
        d.ritualTitle ?? "",
        d.occurrenceDate ?? "",
        d.behaviourTitle ?? "",
        r.detail,
        ...Array.from({ length: pairs }, (_, i) => [r.answers[i]?.question ?? "", r.answers[i]?.answer ?? ""]).flat(),
      ];
    }),
  ]);
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "decision.export",
    outcome: "ok",
    details: { rows: rows.length },
  });
  return csv;
}

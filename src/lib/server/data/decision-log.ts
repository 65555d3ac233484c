import "server-only";
import { db } from "../db";
import { fromDateOnly } from "@/lib/domain/dates";
import { toCsv } from "@/lib/domain/csv";
import type { DecisionFilter, DecisionPageDto, DecisionRowDto } from "@/lib/schemas/decisions";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";
import { auditedExport } from "./audited-export";
import { EXPORT_PAGE_SIZE, keysetPages, type KeyOrder } from "./keyset";
import { freshStatistics } from "./statistics";

// The decision log (issue 16): per organisation, filterable by team, ritual and status, newest
// first. Drafts (a question unanswered) are listed apart from decisions. Every member may read it.

export const DECISION_PAGE_SIZE = 30;

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

const EXPORT_SELECT = {
  ...DECISION_ROW_SELECT,
  detail: true,
  answers: { select: { question: true, answer: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.DecisionSelect;

const EXPORT_ORDER: KeyOrder = [
  ["createdAt", "desc"],
  ["id", "desc"],
];

/**
 * The log as it stands when the export starts: its newest decision and the most questions any of
 * them has, which fixes the header's question/answer columns before the first row is written. A
 * decision's questions are fixed when it is recorded (an edit changes only its answers).
 */
async function exportShape(where: Prisma.DecisionWhereInput): Promise<{ newest: Date | null; pairs: number }> {
  const { _max } = await db().decision.aggregate({ where, _max: { createdAt: true } });
  if (!_max.createdAt) return { newest: null, pairs: 0 };
  const [most] = await db().decisionAnswer.groupBy({
    by: ["decisionId"],
    where: { decision: { AND: [where, { createdAt: { lte: _max.createdAt } }] } },
    _count: { decisionId: true },
    orderBy: { _count: { decisionId: "desc" } },
    take: 1,
  });
  return { newest: _max.createdAt, pairs: most?._count.decisionId ?? 0 };
}

/**
 * The filtered log as CSV, newest first, one row per decision with its questions and answers side
 * by side (the questions as they were asked): every decision recorded when the export starts,
 * streamed in keyset pages (it stopped at 20,000 without saying so). Decisions recorded while it
 * runs are not in it (the header's columns were fixed before them). The export is audited with the
 * rows it sent.
 */
export async function exportDecisionsCsv(
  ctx: MemberContext,
  filter: Partial<DecisionFilter>,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  const where = logWhere(ctx, filter);
  return auditedExport(ctx, { action: "decision.export" }, async (write, sent) => {
    await freshStatistics(["Decision", "DecisionAnswer"]);
    const { newest, pairs } = await exportShape(where);
    const pairColumns = (f: (i: number) => [string, string]) => Array.from({ length: pairs }, (_, i) => f(i)).flat();
    await write(
      toCsv([
        [
          "decision",
          "status",
          "decided_by",
          "decided_at",
          "team",
          "ritual",
          "meeting_date",
          "behaviour",
          "detail",
          ...pairColumns((i) => [`question_${i + 1}`, `answer_${i + 1}`]),
        ],
      ]),
    );
    if (!newest) return;
    const bounded: Prisma.DecisionWhereInput = { AND: [where, { createdAt: { lte: newest } }] };
    const pages = keysetPages(
      EXPORT_ORDER,
      (after, take) =>
        db().decision.findMany({
          where: after ? { AND: [bounded, after as Prisma.DecisionWhereInput] } : bounded,
          orderBy: ORDER,
          take,
          select: EXPORT_SELECT,
        }),
      pageSize,
    );
    for await (const rows of pages) {
      // Only a decision recorded in the same millisecond as the newest, after the header was
      // written, could have more questions than its columns: break off rather than drop answers.
      if (rows.some((r) => r.answers.length > pairs))
        throw new Error("a decision has more questions than the export's columns");
      await write(
        toCsv(
          rows.map((r) => {
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
              ...pairColumns((i) => [r.answers[i]?.question ?? "", r.answers[i]?.answer ?? ""]),
            ];
          }),
        ),
      );
      sent(rows.length);
    }
  });
}

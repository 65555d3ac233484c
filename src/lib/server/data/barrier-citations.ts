import "server-only";
import { groupProtection } from "./group-size";
import { createHash } from "node:crypto";
import { authorize } from "../authorize";
import { db } from "../db";
import { NotFoundError, RuleError } from "../errors";
import { groupNotes, suggestTitle } from "@/lib/domain/barrier-citations";
import { EDIT_WINDOW_MS } from "@/lib/domain/observations";
import { dayOf, daysBefore, formatDay } from "@/lib/domain/dates";
import type {
  BarrierFromNotesInput,
  CitationCountsDto,
  CiteBarrierInput,
  MissedBarrierOptionsDto,
  NoteGroupsDto,
} from "@/lib/schemas/barrier-citations";
import type { MemberContext } from "./accounts";
import { insertBarrier } from "./barriers";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** How far back the barrier pages count citations and read "something else" texts. */
export const CITATION_WEEKS = 12;
const NOTE_DAYS = 90;
/** The newest texts grouped at once; the page says how many more are waiting. */
export const NOTES_READ = 500;

/**
 * The chips the Log pad offers on a miss: every barrier of the organisation linked to the
 * behaviour and not deleted. Removed and accepted barriers stay on offer: a removed barrier cited
 * again is the first sign it came back, and an accepted one still gets in the way.
 */
export async function missedBarrierOptions(ctx: MemberContext): Promise<MissedBarrierOptionsDto> {
  const links = await db().barrierBehaviour.findMany({
    where: {
      organizationId: ctx.orgId,
      barrier: { deletedAt: null },
      // The behaviour's own organisation too: by status alone, the join can read every organisation's
      // active behaviours (issue 19, page-plans.test.ts).
      behaviour: { organizationId: ctx.orgId, deletedAt: null, status: "ACTIVE", parentId: null },
    },
    orderBy: { barrier: { title: "asc" } },
    select: {
      behaviourId: true,
      barrier: { select: { id: true, title: true, teams: { select: { teamId: true } } } },
    },
  });
  const options: MissedBarrierOptionsDto = {};
  for (const l of links)
    (options[l.behaviourId] ??= []).push({
      id: l.barrier.id,
      title: l.barrier.title,
      teamIds: l.barrier.teams.map((t) => t.teamId),
    });
  return options;
}

/**
 * Records what got in the way of a missed entry this browser logged in the last 24 hours (the
 * undo token proves it). A barrier must be the organisation's, linked to the entry's behaviour and
 * meant for its team; anything else is "not found", exactly like an entry that never existed.
 */
export async function citeBarrier(ctx: MemberContext, input: CiteBarrierInput, now = new Date()): Promise<void> {
  await authorize(ctx, "observations.log");
  const mine = {
    id: input.id,
    organizationId: ctx.orgId,
    undoTokenHash: hash(input.token),
    missed: { gt: 0 },
    createdAt: { gte: new Date(now.getTime() - EDIT_WINDOW_MS) },
  };
  const entry = await db().observation.findFirst({ where: mine, select: { behaviourId: true, teamId: true } });
  if (!entry) throw new NotFoundError();
  if (input.barrierId) {
    const link = await db().barrierBehaviour.findFirst({
      where: {
        organizationId: ctx.orgId,
        barrierId: input.barrierId,
        behaviourId: entry.behaviourId,
        barrier: {
          deletedAt: null,
          OR: [{ teams: { none: {} } }, { teams: { some: { teamId: entry.teamId } } }],
        },
      },
      select: { barrierId: true },
    });
    if (!link) throw new NotFoundError();
  }
  const res = await db().observation.updateMany({
    where: mine,
    data: input.barrierId
      ? { barrierId: input.barrierId, barrierNote: null }
      : { barrierId: null, barrierNote: input.note },
  });
  if (res.count === 0) throw new NotFoundError();
}

/** How often a barrier was cited on missed entries, per team, in the last 4 and 12 weeks. */
export async function barrierCitations(
  ctx: MemberContext,
  barrierId: string,
  now = new Date(),
): Promise<CitationCountsDto> {
  const barrier = await db().barrier.findFirst({
    where: { id: barrierId, organizationId: ctx.orgId, deletedAt: null },
    select: { behaviours: { select: { behaviourId: true } } },
  });
  if (!barrier) throw new NotFoundError();
  const since12 = daysBefore(now, CITATION_WEEKS * 7, ctx.timeZone);
  const since4 = daysBefore(now, 4 * 7, ctx.timeZone);
  // Teams the minimum group size hides are left out of every count, the totals included, so no subtraction
  // gives theirs away; the table says how many it left out (docs/decisions/039).
  const groups = await groupProtection(ctx);
  const hidden = [...groups.suppressed.keys()];
  const cited = { organizationId: ctx.orgId, barrierId, teamId: { notIn: hidden } };
  const [last12, last4, total, missed, hiddenCited] = await Promise.all([
    db().observation.groupBy({ by: ["teamId"], where: { ...cited, occurredAt: { gte: since12 } }, _count: true }),
    db().observation.groupBy({ by: ["teamId"], where: { ...cited, occurredAt: { gte: since4 } }, _count: true }),
    db().observation.count({ where: cited }),
    db().observation.groupBy({
      by: ["teamId"],
      where: {
        organizationId: ctx.orgId,
        behaviourId: { in: barrier.behaviours.map((b) => b.behaviourId) },
        missed: { gt: 0 },
        occurredAt: { gte: since12 },
      },
      _count: true,
    }),
    db().observation.groupBy({
      by: ["teamId"],
      where: { organizationId: ctx.orgId, barrierId, teamId: { in: hidden }, occurredAt: { gte: since12 } },
    }),
  ]);
  const teamIds = [...new Set(last12.map((r) => r.teamId))];
  const teams = await db().team.findMany({
    where: { id: { in: teamIds }, organizationId: ctx.orgId },
    select: { id: true, name: true },
  });
  const count = (rows: { teamId: string; _count: number }[], teamId: string) =>
    rows.find((r) => r.teamId === teamId)?._count ?? 0;
  const rows = teams
    .map((t) => ({
      teamId: t.id,
      team: t.name,
      last4: count(last4, t.id),
      last12: count(last12, t.id),
      missed12: count(missed, t.id),
    }))
    .sort((a, b) => b.last12 - a.last12 || a.team.localeCompare(b.team));
  const sum = (k: "last4" | "last12") => rows.reduce((s, r) => s + r[k], 0);
  return {
    rows: rows.length
      ? [
          ...rows,
          {
            teamId: null,
            team: "All teams",
            last4: sum("last4"),
            last12: sum("last12"),
            missed12: missed.filter((m) => teamIds.includes(m.teamId)).reduce((s, m) => s + m._count, 0),
          },
        ]
      : [],
    total,
    hiddenTeams: hiddenCited.length,
  };
}

/** Citations per barrier in the last 12 weeks (for ranking the list by them). */
export async function citationCounts(ctx: MemberContext, now = new Date()): Promise<Record<string, number>> {
  // Without the hidden teams, as on the barrier's page: the list minus the page must not give theirs away.
  const hidden = [...(await groupProtection(ctx)).suppressed.keys()];
  const rows = await db().observation.groupBy({
    by: ["barrierId"],
    where: {
      organizationId: ctx.orgId,
      teamId: { notIn: hidden },
      barrierId: { not: null },
      occurredAt: { gte: daysBefore(now, CITATION_WEEKS * 7, ctx.timeZone) },
    },
    _count: true,
  });
  return Object.fromEntries(rows.map((r) => [r.barrierId!, r._count]));
}

const waitingNotes = (ctx: MemberContext, now: Date) => ({
  organizationId: ctx.orgId,
  barrierId: null,
  AND: [{ barrierNote: { not: null } }, { barrierNote: { not: "" } }],
  missed: { gt: 0 },
  behaviour: { deletedAt: null },
  occurredAt: { gte: daysBefore(now, NOTE_DAYS, ctx.timeZone) },
});

/** The "something else" texts of the last 90 days not yet turned into a barrier, grouped per behaviour. */
export async function somethingElseGroups(ctx: MemberContext, now = new Date()): Promise<NoteGroupsDto> {
  await authorize(ctx, "barriers.manage");
  const where = waitingNotes(ctx, now);
  const [rows, waiting] = await Promise.all([
    db().observation.findMany({
      where,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: NOTES_READ,
      select: {
        id: true,
        barrierNote: true,
        occurredAt: true,
        behaviourId: true,
        behaviour: { select: { title: true } },
        team: { select: { name: true } },
      },
    }),
    db().observation.count({ where }),
  ]);
  const byBehaviour = new Map<string, typeof rows>();
  for (const r of rows) byBehaviour.set(r.behaviourId, [...(byBehaviour.get(r.behaviourId) ?? []), r]);
  const groups = [...byBehaviour.values()].flatMap((list) =>
    groupNotes(list, (r) => r.barrierNote ?? "").map((g) => ({
      behaviourId: g.items[0]!.behaviourId,
      behaviourTitle: g.items[0]!.behaviour.title,
      suggestedTitle: suggestTitle(g.items.map((i) => i.barrierNote ?? "")),
      keywords: g.keywords,
      notes: g.items.map((i) => ({
        id: i.id,
        note: i.barrierNote ?? "",
        day: dayOf(i.occurredAt, ctx.timeZone),
        team: i.team.name,
      })),
    })),
  );
  groups.sort((a, b) => b.notes.length - a.notes.length || a.behaviourTitle.localeCompare(b.behaviourTitle));
  return { groups, read: rows.length, waiting };
}

/**
 * Turns chosen "something else" texts of one behaviour into a new barrier, linked to it, with the
 * texts as its evidence, and makes those entries cite it — in one transaction. The entries are
 * claimed with a conditional write (only while they cite nothing): of two racing clicks, the
 * second's update waits for the first's row locks, then finds nothing left to claim and rolls its
 * barrier back, so one barrier results.
 */
export async function barrierFromNotes(ctx: MemberContext, input: BarrierFromNotesInput): Promise<string> {
  await authorize(ctx, "barriers.manage");
  return db().$transaction(async (tx) => {
    const behaviour = await tx.behaviour.findFirst({
      where: { id: input.behaviourId, organizationId: ctx.orgId, deletedAt: null, parentId: null },
      select: { title: true },
    });
    if (!behaviour) throw new NotFoundError();
    const notes = await tx.observation.findMany({
      where: {
        id: { in: input.observationIds },
        organizationId: ctx.orgId,
        behaviourId: input.behaviourId,
        missed: { gt: 0 },
        AND: [{ barrierNote: { not: null } }, { barrierNote: { not: "" } }],
      },
      orderBy: { occurredAt: "desc" },
      select: { id: true, barrierId: true, barrierNote: true, occurredAt: true, team: { select: { name: true } } },
    });
    if (notes.length !== input.observationIds.length) throw new NotFoundError();
    if (notes.some((n) => n.barrierId !== null)) throw alreadyTurned();
    const id = await insertBarrier(tx, ctx, {
      title: input.title,
      description: cut(
        `Members said this got in the way when “${behaviour.title}” was missed (${notes.length} ${notes.length === 1 ? "entry" : "entries"}).`,
        1000,
      ),
      evidence: evidenceOf(notes, ctx),
      comB: input.comB,
      determinant: input.determinant,
      feasibility: "DIFFICULT",
      impact: null,
      reach: null,
      ease: null,
      behaviourIds: [input.behaviourId],
      teamIds: [],
    });
    const claimed = await tx.observation.updateMany({
      where: { id: { in: input.observationIds }, organizationId: ctx.orgId, barrierId: null },
      data: { barrierId: id },
    });
    if (claimed.count !== input.observationIds.length) throw alreadyTurned();
    return id;
  });
}

const alreadyTurned = () =>
  new RuleError("These texts were just turned into a barrier by someone else: reload the page to see it.");

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The texts as the barrier's evidence, newest first, within the evidence field's 4,000 characters. */
function evidenceOf(
  notes: { barrierNote: string | null; occurredAt: Date; team: { name: string } }[],
  ctx: MemberContext,
): string {
  const lines = notes.map(
    (n) => `“${n.barrierNote}” — ${n.team.name}, ${formatDay(dayOf(n.occurredAt, ctx.timeZone))}`,
  );
  const header = "What members wrote when the behaviour was missed:";
  let out = header;
  for (let i = 0; i < lines.length; i++) {
    const more = `\n(and ${lines.length - i} more)`;
    if (out.length + 1 + lines[i]!.length + more.length > 4000) return out + more;
    out += `\n${lines[i]}`;
  }
  return out;
}

import "server-only";
import { SUPPRESSION_TEXT } from "@/lib/domain/group-size";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { formatDay, fromDateOnly } from "@/lib/domain/dates";
import { RITUAL_KIND_SPECS } from "@/lib/domain/rituals";
import { agendaMarkdown, type MarkdownItem } from "@/lib/domain/agenda";
import type { AgendaContentDto, OccurrenceDto } from "@/lib/schemas/agenda";
import type { AgendaItemDto } from "@/lib/schemas/rituals";
import type { MemberContext } from "./accounts";
import { ACTION_SELECT, agendaContent, scopeTeams, toAgendaAction } from "./agenda";
import { mayRun } from "./rituals";
import { mayTakeNotes } from "./occurrences";

/** A meeting with its agenda (the live sections computed for its scope and period), decisions and actions. */
export async function getOccurrence(ctx: MemberContext, id: string): Promise<OccurrenceDto> {
  const o = await db().ritualOccurrence.findFirst({
    where: { id, organizationId: ctx.orgId },
    select: {
      id: true,
      date: true,
      periodStart: true,
      heldAt: true,
      cancelledAt: true,
      ritualId: true,
      ritual: {
        select: {
          title: true,
          kind: true,
          teamId: true,
          archivedAt: true,
          facilitatorId: true,
          team: { select: { name: true } },
          facilitator: { select: { user: { select: { name: true } } } },
          participants: { where: { membershipId: ctx.membershipId }, select: { membershipId: true } },
        },
      },
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          section: true,
          title: true,
          prompt: true,
          notes: true,
          version: true,
          position: true,
          storyId: true,
        },
      },
      decisions: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, status: true } },
      actions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ACTION_SELECT },
    },
  });
  if (!o) throw new NotFoundError();
  const date = fromDateOnly(o.date);
  const [content, previous, next] = await Promise.all([
    agendaContent({
      orgId: ctx.orgId,
      ritualId: o.ritualId,
      teamIds: await scopeTeams(ctx.orgId, o.ritual.teamId),
      period: { from: fromDateOnly(o.periodStart), to: date },
      chosenStoryIds: o.items.flatMap((i) => (i.storyId ? [i.storyId] : [])),
      calendar: ctx,
    }),
    db().ritualOccurrence.findFirst({
      where: { ritualId: o.ritualId, date: { lt: o.date } },
      orderBy: { date: "desc" },
      select: { id: true, date: true },
    }),
    db().ritualOccurrence.findFirst({
      where: { ritualId: o.ritualId, date: { gt: o.date } },
      orderBy: { date: "asc" },
      select: { id: true, date: true },
    }),
  ]);
  const spec = RITUAL_KIND_SPECS[o.ritual.kind];
  const live = !o.ritual.archivedAt && !o.cancelledAt;
  return {
    id: o.id,
    ritualId: o.ritualId,
    ritualTitle: o.ritual.title,
    kind: o.ritual.kind,
    kindLabel: spec.label,
    purpose: spec.purpose,
    scopeName: o.ritual.team?.name ?? "Whole organisation",
    teamId: o.ritual.teamId,
    date,
    periodStart: fromDateOnly(o.periodStart),
    periodEnd: date,
    held: o.heldAt !== null,
    cancelled: o.cancelledAt !== null,
    facilitatorName: o.ritual.facilitator.user.name,
    items: o.items,
    content,
    decisions: o.decisions,
    actions: o.actions.map((a) => ({ ...toAgendaAction(a, date), fromDate: null })),
    previous: previous ? { id: previous.id, date: fromDateOnly(previous.date) } : null,
    next: next ? { id: next.id, date: fromDateOnly(next.date) } : null,
    canRun: live && mayRun(ctx, o.ritual.facilitatorId),
    canTakeNotes: live && mayTakeNotes(ctx, o),
  };
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const due = (d: string | null) => (d ? `due ${formatDay(d)}` : "no due date");

/** The words each live section shows, as plain lines (the Markdown export and the printed page agree). */
export function sectionLines(item: AgendaItemDto, c: AgendaContentDto): string[] {
  switch (item.section) {
    case "CARRIED_ACTIONS":
      return [...c.carried, ...c.openActions].map(
        (a) => `${a.title} (${a.ownerName}, ${due(a.dueOn)}${a.overdue ? ", overdue" : ""})`,
      );
    case "OPEN_ACTIONS":
      return c.openActions.map((a) => `${a.title} (${a.ownerName}, ${due(a.dueOn)})`);
    case "CUSTOMER_STORY": {
      const story = c.stories.find((s) => s.id === item.storyId);
      return story ? [`“${story.quote}”${story.customer ? ` (${story.customer})` : ""}`] : [];
    }
    case "ADOPTION_CHANGES":
      if (c.changesSuppressed)
        return [`${SUPPRESSION_TEXT[c.changesSuppressed]} (fewer people than the minimum group size)`];
      return [...c.rises, ...c.falls].map(
        (x) => `${x.title}: ${pct(x.before)} → ${pct(x.after)} (${x.changePts > 0 ? "+" : ""}${x.changePts} points)`,
      );
    case "TOP_BARRIERS":
      return [
        ...c.barriers.map((b) => `${b.title}${b.priority !== null ? ` (priority ${b.priority})` : ""}`),
        ...(c.moreBarriers > 0 ? [`and ${c.moreBarriers} more open barriers`] : []),
      ];
    case "METRICS_OFF_TRACK":
      return c.metrics.map((m) => `${m.name}: ${m.status === "OFF_TRACK" ? "off track" : "at risk"}. ${m.summary}`);
    case "RECOGNITIONS":
      return c.recognitions.map((r) => `${r.recipient}, for ${r.behaviourTitle}: ${r.act}`);
    case "FEEDBACK":
      return [
        ...c.feedback.map((f) => `“${f.quote}”${f.customer ? ` (${f.customer})` : ""}`),
        ...(c.moreFeedback > 0 ? [`and ${c.moreFeedback} more feedback items`] : []),
      ];
    case "PAIN_POINTS":
      return c.painPoints.map((p) => `${p.label}: ${p.count} negative ${p.count === 1 ? "item" : "items"}`);
    case "PROMPT":
    case "CUSTOM":
      return [];
  }
}

export async function occurrenceMarkdown(ctx: MemberContext, id: string): Promise<{ name: string; text: string }> {
  const o = await getOccurrence(ctx, id);
  const items: MarkdownItem[] = o.items.map((i) => ({
    section: i.section,
    title: i.title,
    prompt: i.prompt,
    notes: i.notes,
    lines: sectionLines(i, o.content),
  }));
  return {
    name: `${o.ritualTitle}-${o.date}`.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase(),
    text: agendaMarkdown({
      title: o.ritualTitle,
      date: o.date,
      periodStart: o.periodStart,
      scope: o.scopeName,
      facilitator: o.facilitatorName,
      items,
      decisions: o.decisions.map((d) => `${d.title}${d.status === "DRAFT" ? " (draft)" : ""}`),
      actions: o.actions.map((a) => `${a.title} (${a.ownerName}, ${due(a.dueOn)})`),
    }),
  };
}

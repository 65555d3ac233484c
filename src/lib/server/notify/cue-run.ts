import "server-only";
import { db } from "../db";
import { cueMessage, renderHtml, renderText, SEND_KINDS } from "@/lib/domain/reminders";
import { addDays, dateOnly, dayOf } from "@/lib/domain/dates";
import { cueLogPath } from "@/lib/domain/cues";
import type { DueSlot } from "@/lib/domain/schedules";
import { appUrl, recipientsFor } from "./channels";
import { isDone, markDone, sendOnce, type Send, type Sent } from "./ledger";
import type { NotifyOrg } from "./org";

export interface CueRow {
  id: string;
  message: string;
  weekdays: number[];
  localTime: string;
  email: boolean;
  webhookId: string | null;
  behaviour: { id: string; title: string; teamId: string | null };
}

/** How far back "the teams that do this behaviour" looks. */
const RECENT_DAYS = 28;

/**
 * The teams a behaviour's cue is for: a variant's own team; otherwise the teams that observed it (or a variant of it)
 * in the last four weeks; and when none has yet, every team (a new behaviour is everyone's to start).
 */
export async function behaviourTeams(
  orgId: string,
  b: CueRow["behaviour"],
  now: Date,
  zone: string = "UTC",
): Promise<string[]> {
  if (b.teamId) return [b.teamId];
  // The summary's days are the organisation's local days.
  const since = dateOnly(addDays(dayOf(now, zone), -RECENT_DAYS));
  const [seen, variants] = await Promise.all([
    db().observationDaily.groupBy({
      by: ["teamId"],
      where: {
        organizationId: orgId,
        day: { gte: since },
        OR: [{ behaviourId: b.id }, { behaviour: { parentId: b.id } }],
      },
    }),
    db().behaviour.findMany({
      where: { organizationId: orgId, parentId: b.id, deletedAt: null, teamId: { not: null } },
      select: { teamId: true },
    }),
  ]);
  const ids = new Set([...seen.map((s) => s.teamId), ...variants.map((v) => v.teamId as string)]);
  if (ids.size > 0) return [...ids].sort();
  const all = await db().team.findMany({
    where: { organizationId: orgId, kind: "TEAM", archivedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return all.map((t) => t.id);
}

export async function runCue(org: NotifyOrg, cue: CueRow, slot: DueSlot, now: Date): Promise<Sent> {
  const claim = { organizationId: org.id, kind: SEND_KINDS.cue, subjectId: cue.id, period: slot.day };
  if (await isDone(claim)) return { mails: 0, deliveries: 0 };
  const teamIds = await behaviourTeams(org.id, cue.behaviour, now, org.timeZone);
  const logUrl = appUrl(cueLogPath(cue.behaviour.id, cue.behaviour.teamId));
  const msg = cueMessage({ behaviourTitle: cue.behaviour.title, message: cue.message, logUrl });
  const sends: Send[] = [];
  if (cue.email && teamIds.length > 0) {
    const members = await db().teamMember.findMany({
      where: { organizationId: org.id, teamId: { in: teamIds } },
      select: { membershipId: true },
    });
    const people = await recipientsFor(org.id, "CUE", [...new Set(members.map((m) => m.membershipId))]);
    for (const p of people)
      sends.push({
        recipient: p.membershipId,
        mail: {
          organizationId: org.id,
          userId: p.userId,
          toAddress: p.email,
          kind: SEND_KINDS.cue,
          subject: msg.subject,
          text: renderText(msg),
          html: renderHtml(msg),
          unsubscribe: { membershipId: p.membershipId, kind: "CUE" },
        },
      });
  }
  if (cue.webhookId)
    sends.push({
      recipient: `webhook:${cue.webhookId}`,
      webhook: {
        event: {
          type: "cue",
          behaviourId: cue.behaviour.id,
          behaviourTitle: cue.behaviour.title,
          message: cue.message,
          logUrl,
        },
        webhookIds: [cue.webhookId],
      },
    });
  const sent = await sendOnce(claim, sends, now);
  await markDone(claim, now);
  return sent;
}

import "server-only";
import { db } from "../db";
import { addDays, dateOnly, fromDateOnly } from "@/lib/domain/dates";
import {
  actionReminder,
  barrierReminder,
  renderHtml,
  renderText,
  ritualReminder,
  SEND_KINDS,
  type Message,
} from "@/lib/domain/reminders";
import { meetsOn, type Cadence } from "@/lib/domain/rituals";
import { weekKey, type DueSlot } from "@/lib/domain/schedules";
import type { NotificationKind } from "@/generated/prisma/client";
import { appUrl, recipientsFor } from "./channels";
import { add, isDone, markDone, sendOnce, type Claim, type Send, type Sent } from "./ledger";
import type { NotifyOrg } from "./org";

export const NONE: Sent = { mails: 0, deliveries: 0 };

export async function mailTo(
  org: NotifyOrg,
  kind: NotificationKind,
  sendKind: string,
  membershipIds: string[],
  msg: Message,
): Promise<Send[]> {
  const people = await recipientsFor(org.id, kind, [...new Set(membershipIds)]);
  return people.map((p) => ({
    recipient: p.membershipId,
    mail: {
      organizationId: org.id,
      userId: p.userId,
      toAddress: p.email,
      kind: sendKind,
      subject: msg.subject,
      text: renderText(msg),
      html: renderHtml(msg),
      unsubscribe: { membershipId: p.membershipId, kind },
    },
  }));
}

/** One subject's sends, once per period. */
export async function once(claim: Claim, build: () => Promise<Send[]>, now: Date): Promise<Sent> {
  if (await isDone(claim)) return NONE;
  const sent = await sendOnce(claim, await build(), now);
  await markDone(claim, now);
  return sent;
}

/**
 * The daily reminders at the organisation's local 09:00: tomorrow's meetings (to their participants and the
 * facilitator, and the team's chat channel), actions due today, and overdue actions (once a week at most).
 */
export async function runDailyReminders(org: NotifyOrg, slot: DueSlot, now: Date): Promise<Sent> {
  const today = slot.day;
  const tomorrow = addDays(today, 1);
  const [rituals, actions] = await Promise.all([
    db().ritual.findMany({
      where: { organizationId: org.id, archivedAt: null, cadence: { not: "AD_HOC" } },
      select: {
        id: true,
        title: true,
        teamId: true,
        cadence: true,
        weekday: true,
        weekOfMonth: true,
        startsOn: true,
        startTime: true,
        facilitatorId: true,
        participants: { select: { membershipId: true } },
        occurrences: { where: { date: dateOnly(tomorrow) }, select: { id: true, cancelledAt: true } },
      },
      orderBy: { id: "asc" },
    }),
    db().actionItem.findMany({
      where: { organizationId: org.id, status: "OPEN", dueOn: { lte: dateOnly(today) } },
      select: { id: true, title: true, dueOn: true, ownerId: true },
      orderBy: { id: "asc" },
    }),
  ]);
  let sent = NONE;
  for (const r of rituals) {
    const schedule = {
      cadence: r.cadence as Cadence,
      weekday: r.weekday,
      weekOfMonth: r.weekOfMonth,
      startsOn: fromDateOnly(r.startsOn),
    };
    const occurrence = r.occurrences[0];
    if (!meetsOn(schedule, tomorrow) || occurrence?.cancelledAt) continue;
    const url = appUrl(occurrence ? `/rituals/meetings/${occurrence.id}` : `/rituals/${r.id}`);
    const msg = ritualReminder({ title: r.title, date: tomorrow, startTime: r.startTime, url });
    const claim = { organizationId: org.id, kind: SEND_KINDS.ritual, subjectId: r.id, period: tomorrow };
    sent = add(
      sent,
      await once(
        claim,
        async () => [
          ...(await mailTo(
            org,
            "RITUAL_REMINDER",
            SEND_KINDS.ritual,
            [r.facilitatorId, ...r.participants.map((p) => p.membershipId)],
            msg,
          )),
          {
            recipient: "webhooks",
            webhook: {
              event: { type: "reminder", title: msg.subject, body: msg.lines.join(" "), url },
              ...(r.teamId ? { teamIds: [r.teamId] } : {}),
            },
          },
        ],
        now,
      ),
    );
  }
  for (const a of actions) {
    const dueOn = fromDateOnly(a.dueOn as Date);
    const overdue = dueOn < today;
    const kind = overdue ? SEND_KINDS.actionOverdue : SEND_KINDS.actionDue;
    const period = overdue ? weekKey(today, org.weekStartsOn) : today;
    const msg = actionReminder({ title: a.title, dueOn, overdue, url: appUrl(`/actions/${a.id}`) });
    sent = add(
      sent,
      await once(
        { organizationId: org.id, kind, subjectId: a.id, period },
        () => mailTo(org, "ACTION_REMINDER", kind, [a.ownerId], msg),
        now,
      ),
    );
  }
  return sent;
}

/**
 * Weekly, at the week start's 09:00: barriers with an intervention under way wait for their before-and-after
 * evidence. To whoever recorded the barrier when they may manage barriers, otherwise to the managers.
 */
export async function runBarrierReminders(org: NotifyOrg, slot: DueSlot, now: Date): Promise<Sent> {
  const period = weekKey(slot.day, org.weekStartsOn);
  const [barriers, managers] = await Promise.all([
    db().barrier.findMany({
      where: { organizationId: org.id, status: "IN_PROGRESS", deletedAt: null },
      select: { id: true, title: true, createdBy: { select: { id: true, role: true, status: true } } },
      orderBy: { id: "asc" },
    }),
    db().membership.findMany({
      where: { organizationId: org.id, role: "MANAGER", status: "ACTIVE" },
      select: { id: true },
    }),
  ]);
  let sent = NONE;
  for (const b of barriers) {
    const owner = b.createdBy.role !== "MEMBER" && b.createdBy.status === "ACTIVE" ? [b.createdBy.id] : null;
    const msg = barrierReminder({ title: b.title, url: appUrl(`/barriers/${b.id}`) });
    sent = add(
      sent,
      await once(
        { organizationId: org.id, kind: SEND_KINDS.barrier, subjectId: b.id, period },
        () => mailTo(org, "BARRIER_REMINDER", SEND_KINDS.barrier, owner ?? managers.map((m) => m.id), msg),
        now,
      ),
    );
  }
  return sent;
}

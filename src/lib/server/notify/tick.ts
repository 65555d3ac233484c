import "server-only";
// The notifications tick (docs/decisions/022): run every few minutes by the job queue. For each organisation it
// sends what fell due in the grace window before `now` (cues, the weekly digest, reminders), each slot once: the
// ledger (./ledger.ts) makes a second process or a re-run after a restart write nothing twice, and the grace
// window makes a server that was down for a day send only what is still timely, not a pile of stale cues.
import { db } from "../db";
import { digestSchedule, EVERY_DAY, latestDue, REMINDER_TIME, type DueSlot } from "@/lib/domain/schedules";
import type { NotifyOrg } from "./org";
import { add, type Sent } from "./ledger";
import { runCue, type CueRow } from "./cue-run";
import { runDigest } from "./digest-run";
import { runBarrierReminders, runDailyReminders } from "./reminders-run";
import { runSurveyReminders } from "./survey-run";

/** A slot older than this is not sent any more. */
export const GRACE_MS = 12 * 60 * 60 * 1000;

export interface TickResult {
  organisations: number;
  mails: number;
  deliveries: number;
}

export async function runNotificationsTick(now: Date = new Date(), options: { orgIds?: string[] } = {}) {
  const orgs = await db().organization.findMany({
    where: options.orgIds ? { id: { in: options.orgIds } } : {},
    select: { id: true, name: true, timeZone: true, weekStartsOn: true, leadersManageTeams: true },
    orderBy: { id: "asc" },
  });
  const result: TickResult = { organisations: orgs.length, mails: 0, deliveries: 0 };
  const failures: unknown[] = [];
  for (const org of orgs) {
    try {
      const sent = await tickOrganisation(org, now);
      result.mails += sent.mails;
      result.deliveries += sent.deliveries;
    } catch (err) {
      // One organisation's failure must not hold back the others; the job is retried for all (idempotent).
      console.error(`notifications tick failed for organisation ${org.id}`, err);
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `notifications tick: ${failures.length} failed`);
  return result;
}

async function tickOrganisation(org: NotifyOrg, now: Date): Promise<Sent> {
  const after = new Date(now.getTime() - GRACE_MS);
  const due = (weekdays: readonly number[], localTime: string): DueSlot | null =>
    latestDue({ weekdays, localTime }, org.timeZone, after, now);
  let sent: Sent = { mails: 0, deliveries: 0 };

  const cues: CueRow[] = await db().behaviourCue.findMany({
    where: { organizationId: org.id, enabled: true, behaviour: { status: "ACTIVE", deletedAt: null } },
    select: {
      id: true,
      message: true,
      weekdays: true,
      localTime: true,
      email: true,
      webhookId: true,
      behaviour: { select: { id: true, title: true, teamId: true } },
    },
    orderBy: { id: "asc" },
  });
  for (const cue of cues) {
    const slot = due(cue.weekdays, cue.localTime);
    if (slot) sent = add(sent, await runCue(org, cue, slot, now));
  }

  const digest = latestDue(digestSchedule(org.weekStartsOn), org.timeZone, after, now);
  if (digest) sent = add(sent, await runDigest(org, digest, now));

  const daily = due(EVERY_DAY, REMINDER_TIME);
  if (daily) sent = add(sent, await runDailyReminders(org, daily, now));
  if (daily) sent = add(sent, await runSurveyReminders(org, daily, now));

  const weekly = due([org.weekStartsOn], REMINDER_TIME);
  if (weekly) sent = add(sent, await runBarrierReminders(org, weekly, now));
  return sent;
}

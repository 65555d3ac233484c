import "server-only";
import { addDays, dayOf } from "@/lib/domain/dates";
import { db } from "../db";
import { forgetOldAddressWindows } from "../rate-limit";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import {
  describeRetention,
  retentionCutoffs,
  SECURITY_AUDIT_PREFIXES,
  SURVEY_DEIDENTIFY_DAYS,
  type RetentionPolicy,
} from "@/lib/domain/retention";
import type { MemberContext } from "./accounts";

// The organisation's retention policy and the nightly "privacy.retention" job that applies it (issue 21,
// docs/decisions/035). Anonymising keeps every count, so no adoption figure moves; the daily summary's
// trigger is switched off for those updates (they change neither a count, a day, a behaviour nor a team).

const BATCH = 2_000;

export interface RetentionSettingsDto {
  policy: RetentionPolicy;
  rules: string[];
  /** The job's last run for this organisation, with what it removed; null before its first run. */
  lastRun: { at: string; observers: number; notes: number; auditEvents: number; surveys: number } | null;
}

export interface RetentionOutcome {
  observers: number;
  notes: number;
  auditEvents: number;
  /** Surveys whose respondents lost the link to a person. */
  surveys: number;
}

const POLICY_SELECT = { observerRetentionDays: true, noteRetentionDays: true, auditRetentionDays: true } as const;
const toPolicy = (o: { observerRetentionDays: number; noteRetentionDays: number; auditRetentionDays: number }) => ({
  observerDays: o.observerRetentionDays,
  noteDays: o.noteRetentionDays,
  auditDays: o.auditRetentionDays,
});

/** The policy, in words, and what the job last did: for the privacy settings (admins) and the privacy page (anyone). */
export async function retentionSettings(ctx: MemberContext): Promise<RetentionSettingsDto> {
  const [org, last] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: POLICY_SELECT }),
    db().auditEvent.findFirst({
      where: { organizationId: ctx.orgId, action: "privacy.retention" },
      orderBy: { at: "desc" },
      select: { at: true, details: true },
    }),
  ]);
  const policy = toPolicy(org);
  const d = (last?.details ?? {}) as Partial<RetentionOutcome>;
  return {
    policy,
    rules: describeRetention(policy),
    lastRun: last
      ? {
          at: last.at.toISOString(),
          observers: d.observers ?? 0,
          notes: d.notes ?? 0,
          auditEvents: d.auditEvents ?? 0,
          surveys: d.surveys ?? 0,
        }
      : null,
  };
}

/** An admin sets the policy; the next nightly run applies it (a shorter period removes more that night). */
export async function setRetentionPolicy(ctx: MemberContext, policy: RetentionPolicy): Promise<void> {
  await authorize(ctx, "members.manage");
  await db().$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: ctx.orgId },
      data: {
        observerRetentionDays: policy.observerDays,
        noteRetentionDays: policy.noteDays,
        auditRetentionDays: policy.auditDays,
      },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "privacy.policy",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { ...policy },
      },
      tx,
    );
  });
}

/**
 * Applies one organisation's policy, in batches (so the embedded database's one connection is never held
 * long), and records what it removed as a "privacy.retention" audit event. Every statement is a conditional
 * write that only matches rows still to do, rechecked on the row itself (not only in the batch's subquery), so a
 * second run, or two processes at once, remove nothing twice and count nothing twice.
 */
export async function applyRetention(organizationId: string, now = new Date()): Promise<RetentionOutcome> {
  const org = await db().organization.findUnique({
    where: { id: organizationId },
    select: { ...POLICY_SELECT, timeZone: true },
  });
  if (!org) return { observers: 0, notes: 0, auditEvents: 0, surveys: 0 };
  const cut = retentionCutoffs(toPolicy(org), now);
  const outcome: RetentionOutcome = {
    observers: await drain(
      (tx) => tx.$executeRaw`
        UPDATE "Observation" SET "observerId" = NULL, "anonymous" = true
         WHERE "observerId" IS NOT NULL AND "id" IN (SELECT "id" FROM "Observation"
                         WHERE "organizationId" = ${organizationId} AND "observerId" IS NOT NULL
                           AND "occurredAt" < ${cut.observers} LIMIT ${BATCH})`,
    ),
    notes: await drain(
      (tx) => tx.$executeRaw`
        UPDATE "Observation" SET "note" = '', "barrierNote" = NULL
         WHERE ("note" <> '' OR "barrierNote" IS NOT NULL) AND "id" IN (SELECT "id" FROM "Observation"
                         WHERE "organizationId" = ${organizationId} AND ("note" <> '' OR "barrierNote" IS NOT NULL)
                           AND "occurredAt" < ${cut.notes} LIMIT ${BATCH})`,
    ),
    auditEvents: await drain(
      (tx) => tx.$executeRaw`
        DELETE FROM "AuditEvent"
         WHERE "id" IN (SELECT "id" FROM "AuditEvent"
                         WHERE "organizationId" = ${organizationId} AND "at" < ${cut.audit}
                           AND NOT ("action" LIKE ANY (${SECURITY_AUDIT_PREFIXES.map((p) => `${p}%`)}::text[]))
                         LIMIT ${BATCH})`,
    ),
    surveys: await deidentifySurveys(organizationId, org.timeZone, now),
  };
  await recordAudit({
    organizationId,
    actorUserId: null,
    action: "privacy.retention",
    targetType: "Organization",
    targetId: organizationId,
    outcome: "ok",
    details: { ...outcome },
  });
  return outcome;
}

/**
 * Surveys closed for SURVEY_DEIDENTIFY_DAYS (by hand, or by their closing day in the organisation's zone) lose
 * every link between an answer and a person: the keyed fingerprint that stopped a second answer, and the member
 * of a named survey. Marked and cleared in one transaction, conditional on the survey still being closed and not
 * yet done, so a reopening at the same moment wins or loses whole, and a second run finds nothing.
 */
export async function deidentifySurveys(organizationId: string, timeZone: string, now: Date): Promise<number> {
  const closedBefore = new Date(now.getTime() - SURVEY_DEIDENTIFY_DAYS * 86_400_000);
  const lastDayBefore = addDays(dayOf(now, timeZone), -SURVEY_DEIDENTIFY_DAYS);
  return db().$transaction(async (tx) => {
    const done = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Survey" SET "deidentifiedAt" = ${now}
       WHERE "organizationId" = ${organizationId} AND "deidentifiedAt" IS NULL
         AND (("status" = 'CLOSED' AND "closedAt" < ${closedBefore})
              OR ("closesOn" IS NOT NULL AND "closesOn" < ${lastDayBefore}::date))
      RETURNING "id"`;
    if (done.length)
      await tx.surveyRespondent.updateMany({
        where: { surveyId: { in: done.map((d) => d.id) } },
        data: { responderKey: null, membershipId: null },
      });
    return done.length;
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Runs a batch statement until it touches fewer than a batch, each batch in its own short transaction. */
async function drain(batch: (tx: Tx) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db().$transaction(async (tx) => {
      // Counts, days, behaviours and teams are untouched: the daily summary stays as it is.
      await tx.$executeRaw`SELECT set_config('conduct.daily_summary', 'off', true)`;
      return batch(tx);
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** The "privacy.retention" job (nightly): every organisation's policy, one organisation at a time. */
export async function applyRetentionEverywhere(now = new Date()): Promise<number> {
  const orgs = await db().organization.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const { id } of orgs) await applyRetention(id, now);
  await forgetOldAddressWindows(now);
  return orgs.length;
}

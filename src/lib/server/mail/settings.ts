import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { authSecret } from "../auth-secret";
import { recordAudit } from "../audit";
import { NotFoundError } from "../errors";
import type { MemberContext } from "../data/accounts";
import {
  BUILT_IN_CHANNELS,
  channelFor,
  NOTIFICATION_KINDS,
  NOTIFICATION_LABELS,
  type NotificationChannel,
  type NotificationKind,
} from "@/lib/domain/mail-notifications";
import { verifyUnsubscribeToken } from "@/lib/domain/mail-tokens";
import type { MailSettingsDto, MyNotificationInput, NotificationSettingDto } from "@/lib/schemas/mail";
import { smtpConfigured } from "./transport";

async function defaultsOf(organizationId: string): Promise<Record<NotificationKind, NotificationChannel>> {
  const rows = await db().notificationDefault.findMany({
    where: { organizationId },
    select: { kind: true, channel: true },
  });
  return { ...BUILT_IN_CHANNELS, ...Object.fromEntries(rows.map((r) => [r.kind, r.channel])) };
}

/** The signed-in person's notification settings in this organisation, kind by kind. */
export async function myNotificationSettings(ctx: MemberContext): Promise<NotificationSettingDto[]> {
  const [defaults, prefs] = await Promise.all([
    defaultsOf(ctx.orgId),
    db().notificationPreference.findMany({
      where: { membershipId: ctx.membershipId, organizationId: ctx.orgId },
      select: { kind: true, channel: true },
    }),
  ]);
  const mine = new Map(prefs.map((p) => [p.kind, p.channel]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    ...NOTIFICATION_LABELS[kind],
    personal: mine.get(kind) ?? null,
    orgDefault: defaults[kind],
    effective: channelFor(kind, { orgDefault: defaults[kind], personal: mine.get(kind), memberStatus: "ACTIVE" }),
  }));
}

/** Any member sets their own channel for a kind, or follows the organisation's default again. */
export async function setMyNotification(ctx: MemberContext, input: MyNotificationInput): Promise<void> {
  if (input.channel === "DEFAULT") {
    await db().notificationPreference.deleteMany({ where: { membershipId: ctx.membershipId, kind: input.kind } });
    return;
  }
  await setPreference(ctx.orgId, ctx.membershipId, input.kind, input.channel);
}

async function setPreference(
  organizationId: string,
  membershipId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
): Promise<void> {
  await db().notificationPreference.upsert({
    where: { membershipId_kind: { membershipId, kind } },
    create: { organizationId, membershipId, kind, channel },
    update: { channel },
  });
}

export async function notificationDefaults(ctx: MemberContext): Promise<Record<NotificationKind, NotificationChannel>> {
  await authorize(ctx, "notifications.manage");
  return defaultsOf(ctx.orgId);
}

/** An admin sets what members get for a kind until they choose for themselves. */
export async function setNotificationDefault(
  ctx: MemberContext,
  kind: NotificationKind,
  channel: NotificationChannel,
): Promise<void> {
  await authorize(ctx, "notifications.manage");
  await db().notificationDefault.upsert({
    where: { organizationId_kind: { organizationId: ctx.orgId, kind } },
    create: { organizationId: ctx.orgId, kind, channel },
    update: { channel },
  });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "notifications.default",
    outcome: "ok",
    details: { kind, channel },
  });
}

export async function mailSettings(ctx: MemberContext): Promise<MailSettingsDto> {
  await authorize(ctx, "notifications.manage");
  const org = await db().organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { mailMode: true } });
  return { mailMode: org.mailMode, smtpConfigured: smtpConfigured() };
}

/** "Send e-mail" or "Keep every message in the outbox" (trials, demos): only new messages follow it. */
export async function setMailMode(ctx: MemberContext, mailMode: "SEND" | "OUTBOX"): Promise<void> {
  await authorize(ctx, "notifications.manage");
  await db().organization.update({ where: { id: ctx.orgId }, data: { mailMode } });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "mail.mode",
    outcome: "ok",
    details: { mailMode },
  });
}

export interface UnsubscribeTarget {
  membershipId: string;
  organizationId: string;
  organisationName: string;
  kind: NotificationKind;
  what: string;
}

/** What an unsubscribe link would turn off, without changing anything (mail scanners follow links). */
export async function unsubscribeTarget(token: string): Promise<UnsubscribeTarget> {
  const named = verifyUnsubscribeToken(authSecret(), token);
  if (!named) throw new NotFoundError();
  const m = await db().membership.findUnique({
    where: { id: named.membershipId },
    select: { organizationId: true, organization: { select: { name: true } } },
  });
  if (!m) throw new NotFoundError();
  return {
    membershipId: named.membershipId,
    organizationId: m.organizationId,
    organisationName: m.organization.name,
    kind: named.kind,
    what: NOTIFICATION_LABELS[named.kind].plural,
  };
}

/** The one-click unsubscribe (RFC 8058): that person's channel for that kind becomes NONE. Repeatable. */
export async function unsubscribe(token: string): Promise<UnsubscribeTarget> {
  const target = await unsubscribeTarget(token);
  await setPreference(target.organizationId, target.membershipId, target.kind, "NONE");
  await recordAudit({
    organizationId: target.organizationId,
    action: "notifications.unsubscribe",
    targetType: "Membership",
    targetId: target.membershipId,
    outcome: "ok",
    details: { kind: target.kind },
  });
  return target;
}

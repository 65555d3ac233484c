import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { hashPassword } from "../passwords";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../common-passwords";
import { RESET_MINUTES } from "@/lib/domain/accounts";
import type { MemberContext } from "./accounts";
import { mailPasswordReset } from "../mail/account-mail";
import { resetRequestGate } from "../rate-limit";
import { enqueue } from "../jobs/queue";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A one-time link for a member to set a new password, for an admin to hand over or e-mail.
 * Only the hash is stored and the token is returned once; any earlier unused link of the person
 * stops working. An admin may reset only someone whose every active membership is in this
 * organisation: otherwise one organisation's admin could take over an account another relies on.
 */
export async function createPasswordReset(
  ctx: MemberContext,
  membershipId: string,
  options: { email?: boolean } = {},
): Promise<{ token: string; expiresAt: string; name: string; emailedTo: string | null }> {
  await authorize(ctx, "members.manage");
  const member = await db().membership.findFirst({
    where: { id: membershipId, organizationId: ctx.orgId },
    select: {
      status: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          memberships: { where: { status: "ACTIVE" }, select: { organizationId: true } },
        },
      },
    },
  });
  if (!member) throw new NotFoundError();
  if (member.status !== "ACTIVE") throw new RuleError("Enable this member before making them a reset link.");
  if (member.user.id === ctx.userId) throw new RuleError("Change your own password from your profile.");
  if (member.user.memberships.some((m) => m.organizationId !== ctx.orgId))
    throw new RuleError(
      `${member.user.name} also belongs to another organisation, so only they can reset their password (with “Forgot password?” on the sign-in page).`,
    );
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + RESET_MINUTES * 60_000);
  await db().$transaction([
    db().passwordReset.updateMany({ where: { userId: member.user.id, usedAt: null }, data: { usedAt: now } }),
    db().passwordReset.create({
      data: {
        userId: member.user.id,
        organizationId: ctx.orgId,
        tokenHash: hashToken(token),
        createdById: ctx.membershipId,
        expiresAt,
      },
    }),
  ]);
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "password-reset.create",
    targetType: "Membership",
    targetId: membershipId,
    outcome: "ok",
  });
  if (options.email)
    await mailPasswordReset({
      organizationId: ctx.orgId,
      userId: member.user.id,
      email: member.user.email,
      name: member.user.name,
      token,
      byAdmin: ctx.userName,
    });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    name: member.user.name,
    emailedTo: options.email ? member.user.email : null,
  };
}

export const RESET_REQUEST_LIMIT_MESSAGE = "Too many reset requests from this network. Try again in an hour.";

/**
 * "Forgot password?" (issue 17): e-mails a one-time reset link when the address has an account,
 * and nothing otherwise; the answer is the same either way, so the form cannot tell anyone who
 * has an account. Nor can its timing: the request only records the attempt, checks the throttle
 * and queues a job, the same work for any address; the job looks the address up and writes the
 * mail (mailRequestedReset). The reset and its message belong to no organisation (account mail
 * is in no outbox). Throttled on the audit trail like sign-up (src/lib/server/rate-limit.ts).
 */
export async function requestPasswordReset(email: string, ip: string | null): Promise<void> {
  const attempt = await db().auditEvent.create({
    data: { action: "password-reset.request", outcome: "ok", ip, details: { email } },
    select: { id: true },
  });
  const gate = await resetRequestGate(email, ip);
  if (gate === "address") {
    await db().auditEvent.update({ where: { id: attempt.id }, data: { outcome: "denied" } });
    throw new RuleError(RESET_REQUEST_LIMIT_MESSAGE);
  }
  if (gate === "email") return;
  await enqueue("account.reset-mail", { organizationId: null, email, attemptId: attempt.id });
}

/** The "account.reset-mail" job: the reset link for the address's account, if it has one. */
export async function mailRequestedReset(email: string, attemptId: string): Promise<void> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, placeholder: true },
  });
  if (!user || user.placeholder) return;
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db().$transaction([
    db().passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
    db().passwordReset.create({
      data: {
        userId: user.id,
        organizationId: null,
        createdById: null,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
      },
    }),
  ]);
  await db().auditEvent.updateMany({ where: { id: attemptId }, data: { actorUserId: user.id } });
  await mailPasswordReset({
    organizationId: null,
    userId: user.id,
    email: user.email,
    name: user.name,
    token,
    byAdmin: null,
  });
}

/** Whether a reset link can still be used (for the page that asks for the new password). */
export async function resetLinkUsable(token: string, now = new Date()): Promise<boolean> {
  if (token.length > 200) return false;
  const reset = await db().passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return reset !== null && reset.usedAt === null && reset.expiresAt > now;
}

export const RESET_UNUSABLE =
  "This reset link was already used or has expired. Ask for a new one with “Forgot your password?”, or ask your admin.";

/**
 * Sets the new password through a reset link: used once (a conditional write, so two tabs cannot
 * both use it), and every session of the account ends. Returns the account's e-mail, to sign in with.
 */
export async function resetPassword(token: string, password: string, ip: string | null = null): Promise<string> {
  const now = new Date();
  // Per client address; an unknown address (no proxy header yet, issue 15) shares no bucket with others.
  const failures = ip
    ? await db().auditEvent.count({
        where: {
          action: "password-reset.use",
          outcome: "failed",
          ip,
          at: { gte: new Date(now.getTime() - RESET_WINDOW_MS) },
        },
      })
    : 0;
  if (failures >= RESET_MAX_FAILURES)
    throw new RuleError("Too many attempts from here. Wait 15 minutes and try again.");
  if (isCommonPassword(password)) throw new RuleError(COMMON_PASSWORD_MESSAGE, "password");
  const passwordHash = await hashPassword(password);
  try {
    return await claim(token, passwordHash, now, ip);
  } catch (err) {
    if (err instanceof RuleError)
      await recordAudit({ action: "password-reset.use", outcome: "failed", ip, organizationId: null });
    throw err;
  }
}

// Guessing tokens is hopeless (32 random bytes), but a flood of attempts is refused all the same.
const RESET_MAX_FAILURES = 10;
const RESET_WINDOW_MS = 15 * 60_000;

async function claim(token: string, passwordHash: string, now: Date, ip: string | null): Promise<string> {
  return db().$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, organizationId: true, user: { select: { email: true } } },
    });
    const claimed = reset
      ? await tx.passwordReset.updateMany({
          where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      : { count: 0 };
    if (!reset || claimed.count === 0) throw new RuleError(RESET_UNUSABLE);
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await tx.authSession.deleteMany({ where: { userId: reset.userId } });
    await recordAudit(
      {
        organizationId: reset.organizationId,
        actorUserId: reset.userId,
        action: "password-reset.use",
        targetType: "User",
        targetId: reset.userId,
        outcome: "ok",
        ip,
      },
      tx,
    );
    return reset.user.email;
  });
}

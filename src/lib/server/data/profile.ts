import "server-only";
import { db } from "../db";
import { hashPassword, verifyPassword } from "../passwords";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../common-passwords";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { dayOf, isTimeZone } from "@/lib/domain/dates";
import type { Prisma } from "@/generated/prisma/client";
import type { ChangeEmailInput, ChangePasswordInput, ProfileDto } from "@/lib/schemas/profile";

/** The caller's own account. Only ever their own: the user id comes from the session. */
export async function getProfile(
  userId: string,
  sessionId: string | null,
  currentOrgId: string,
  zone: string = "UTC",
): Promise<ProfileDto> {
  const [user, otherSessions, memberships] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, email: true, createdAt: true, timeZone: true },
    }),
    db().authSession.count({ where: { userId, ...(sessionId ? { id: { not: sessionId } } : {}) } }),
    db().membership.findMany({
      where: { userId, status: "ACTIVE" },
      select: { role: true, organization: { select: { id: true, name: true } } },
      orderBy: { organization: { name: "asc" } },
    }),
  ]);
  return {
    name: user.name,
    email: user.email,
    memberSince: dayOf(user.createdAt, zone),
    timeZone: user.timeZone,
    otherSessions,
    organizations: memberships.map((m) => ({
      id: m.organization.id,
      name: m.organization.name,
      role: ROLE_LABELS[m.role],
      current: m.organization.id === currentOrgId,
    })),
  };
}

/** The zone the caller reads times in (null: their organisation's). Their own account only. */
export async function setOwnTimeZone(userId: string, timeZone: string | null, ip: string | null): Promise<void> {
  if (timeZone !== null && !isTimeZone(timeZone)) throw new RuleError("Choose a time zone from the list.", "timeZone");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { timeZone } });
    await auditInEachOrganization(tx, userId, "profile.time-zone", ip, { timeZone });
  });
}

export async function renameSelf(userId: string, name: string, ip: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name } });
    await auditInEachOrganization(tx, userId, "profile.name", ip);
  });
}

/** A new sign-in e-mail, confirmed by the current password. Two people cannot claim one address. */
export async function changeEmail(userId: string, input: ChangeEmailInput, ip: string | null): Promise<void> {
  try {
    await withPasswordCheck(userId, input.currentPassword, ip, async (tx, user) => {
      if (user.email === input.email) throw new RuleError("That is already your e-mail address.", "email");
      await tx.user.update({ where: { id: userId }, data: { email: input.email } });
      await auditInEachOrganization(tx, userId, "profile.email", ip, { from: user.email, to: input.email });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new RuleError("Another account already uses this e-mail address.", "email");
    throw err;
  }
}

/**
 * A new password, confirmed by the current one. Every other browser is signed out (their sessions
 * go; this one stays), and reset links still waiting are cancelled.
 */
export async function changePassword(
  userId: string,
  sessionId: string | null,
  input: ChangePasswordInput,
  ip: string | null,
): Promise<void> {
  if (isCommonPassword(input.password)) throw new RuleError(COMMON_PASSWORD_MESSAGE, "password");
  const passwordHash = await hashPassword(input.password);
  await withPasswordCheck(userId, input.currentPassword, ip, async (tx, user) => {
    if (input.password.trim().toLowerCase() === user.email)
      throw new RuleError("Your password cannot be your e-mail address.", "password");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.authSession.deleteMany({ where: { userId, ...(sessionId ? { id: { not: sessionId } } : {}) } });
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await auditInEachOrganization(tx, userId, "profile.password", ip);
  });
}

/** Signs out every other browser; this one stays signed in. Returns how many were ended. */
export async function endOtherSessions(userId: string, sessionId: string | null): Promise<number> {
  if (!sessionId) return 0;
  const { count } = await db().authSession.deleteMany({ where: { userId, id: { not: sessionId } } });
  return count;
}

// Five wrong current passwords in 15 minutes and the profile stops checking them for a while, so a
// borrowed, signed-in browser cannot be used to guess the password.
export const PASSWORD_CHECK_MAX_FAILURES = 5;
const PASSWORD_CHECK_WINDOW_MS = 15 * 60_000;
const TOO_MANY = "Too many wrong passwords. Wait 15 minutes and try again.";
const WRONG = "That is not your current password.";

type Tx = Prisma.TransactionClient;

/**
 * Runs `change` only when `password` is the account's current one. The user's row is locked for
 * the check, so concurrent guesses are counted one after another and the limit holds exactly; a
 * wrong guess is recorded (and committed) before the refusal is thrown.
 */
async function withPasswordCheck(
  userId: string,
  password: string,
  ip: string | null,
  change: (tx: Tx, user: { email: string }) => Promise<void>,
): Promise<void> {
  const refusal = await db().$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ email: string; passwordHash: string }[]>`
      SELECT "email", "passwordHash" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!user) return TOO_MANY;
    const failures = await tx.auditEvent.count({
      where: {
        actorUserId: userId,
        action: "profile.password-check",
        outcome: "failed",
        at: { gte: new Date(Date.now() - PASSWORD_CHECK_WINDOW_MS) },
      },
    });
    if (failures >= PASSWORD_CHECK_MAX_FAILURES) return TOO_MANY;
    if (!(await verifyPassword(password, user.passwordHash))) {
      await recordAudit({ actorUserId: userId, action: "profile.password-check", outcome: "failed", ip }, tx);
      return WRONG;
    }
    await change(tx, user);
    return null;
  });
  if (refusal) throw new RuleError(refusal, "currentPassword");
}

/** The change in the audit trail of every organisation the person belongs to, for its admins. */
async function auditInEachOrganization(
  tx: Tx,
  userId: string,
  action: string,
  ip: string | null,
  details?: Prisma.InputJsonValue,
): Promise<void> {
  const orgs = await tx.membership.findMany({
    where: { userId, status: "ACTIVE" },
    select: { organizationId: true },
  });
  await tx.auditEvent.createMany({
    data: orgs.map(({ organizationId }) => ({
      organizationId,
      actorUserId: userId,
      action,
      targetType: "User",
      targetId: userId,
      outcome: "ok",
      ip,
      details,
    })),
  });
}

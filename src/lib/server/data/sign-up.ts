import "server-only";
import { db } from "../db";
import { verifyPassword } from "../passwords";
import { RuleError } from "../errors";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "../common-passwords";
import { signUpAllowed } from "../rate-limit";
import { createAccountWithOrganization, createOrganizationFor } from "./accounts";
import type { SignUpInput } from "@/lib/schemas/auth";

export const SIGN_UP_LIMIT_MESSAGE = "Too many new accounts from this network in the last hour. Try again later.";

/**
 * The public sign-up (issue 15), throttled per client address and with the same answer whether or
 * not the e-mail has an account, so that the form cannot be used to find out who has one:
 * - a new e-mail gets its account and organisation;
 * - an existing e-mail with that account's password gets the new organisation (the person proved
 *   who they are, exactly as by signing in and creating one);
 * - an existing e-mail with another password gets nothing, and the same answer; the form's sign-in
 *   that follows then fails like any wrong password, and is throttled like one.
 * Both branches do one bcrypt operation of the same cost, so the timing does not tell them apart.
 */
export async function signUp(input: SignUpInput, ip: string | null): Promise<{ email: string }> {
  // Before the e-mail is looked up, so that this answer too is the same for both.
  if (isCommonPassword(input.password)) throw new RuleError(COMMON_PASSWORD_MESSAGE, "password");
  const attempt = await db().auditEvent.create({
    data: { action: "auth.sign-up", outcome: "ok", ip },
    select: { id: true },
  });
  if (!(await signUpAllowed(ip))) {
    await db().auditEvent.update({ where: { id: attempt.id }, data: { outcome: "denied" } });
    throw new RuleError(SIGN_UP_LIMIT_MESSAGE);
  }
  const existing = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  if (!existing) {
    const { userId } = await createAccountWithOrganization(input);
    await db().auditEvent.update({ where: { id: attempt.id }, data: { actorUserId: userId } });
  } else if (await verifyPassword(input.password, existing.passwordHash)) {
    await createOrganizationFor(existing.id, input.organizationName);
    await db().auditEvent.update({ where: { id: attempt.id }, data: { actorUserId: existing.id } });
  } else {
    // Recorded for the operator only; the person asking sees the same answer as for a new e-mail.
    await db().auditEvent.update({
      where: { id: attempt.id },
      data: { outcome: "failed", details: { reason: "existing-email" } },
    });
  }
  return { email: input.email };
}

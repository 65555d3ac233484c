import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { emailDomain, nameFromClaims, type SsoRefusal } from "@/lib/domain/sso";
import type { VerifiedIdentity } from "../sso/oidc";
import type { SessionUser } from "./accounts";

// Who a verified answer from an organisation's provider signs in (issue 20, docs/decisions/034).
// The provider proved the e-mail (email_verified, a literal true); its domain must be one this very
// connection covers, so a provider can only speak for its own organisation's domains. An existing
// account with that e-mail is signed in, and joins the organisation as MEMBER if it was not in it
// (just in time); a new e-mail becomes an account without a password. A disabled member is refused.

export type SsoSignIn =
  { status: "ok"; user: SessionUser; joined: boolean } | { status: "refused"; reason: SsoRefusal };

interface Connection {
  connectionId: string;
  organizationId: string;
  domains: readonly string[];
}

export async function signInWithSso(c: Connection, who: VerifiedIdentity, ip: string | null): Promise<SsoSignIn> {
  const refuse = async (reason: SsoRefusal, userId: string | null = null): Promise<SsoSignIn> => {
    await recordAudit({
      organizationId: c.organizationId,
      actorUserId: userId,
      action: "sso.sign-in",
      targetType: "SsoConnection",
      targetId: c.connectionId,
      outcome: "denied",
      ip,
      details: { email: who.email, reason },
    });
    return { status: "refused", reason };
  };
  if (!who.email || !who.emailVerified) return refuse("unverified");
  const domain = emailDomain(who.email);
  if (!domain || !c.domains.includes(domain)) {
    const elsewhere = domain
      ? await db().ssoDomain.findUnique({ where: { domain }, select: { organizationId: true } })
      : null;
    return refuse(elsewhere ? "other-organisation" : "wrong-domain");
  }
  const email = who.email;
  const result = await joinOrCreate(c.organizationId, email, nameFromClaims(who.claims, email)).catch(async (err) => {
    // Two first sign-ins of one new address at once: the second finds the first's account.
    if (isUniqueViolation(err)) return joinOrCreate(c.organizationId, email, nameFromClaims(who.claims, email));
    throw err;
  });
  if (result.status === "disabled") return refuse("disabled", result.user.id);
  await recordAudit({
    organizationId: c.organizationId,
    actorUserId: result.user.id,
    action: "member.sign-in",
    targetType: "User",
    targetId: result.user.id,
    outcome: "ok",
    ip,
    details: { method: "sso", joined: result.joined, created: result.created },
  });
  return { status: "ok", user: result.user, joined: result.joined };
}

type Joined =
  { status: "ok"; user: SessionUser; joined: boolean; created: boolean } | { status: "disabled"; user: SessionUser };

async function joinOrCreate(organizationId: string, email: string, name: string): Promise<Joined> {
  return db().$transaction(async (tx) => {
    let created = false;
    let user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, email: true, sessionVersion: true },
    });
    if (!user) {
      // No password: passwordHash "" matches none (bcrypt refuses it), so only the provider signs it in,
      // until its owner sets one through "Forgot your password?".
      user = await tx.user.create({
        data: { email, name, passwordHash: "" },
        select: { id: true, name: true, email: true, sessionVersion: true },
      });
      created = true;
    }
    const u = { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
    const m = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: user.id } },
      select: { id: true, status: true },
    });
    if (m && m.status !== "ACTIVE") return { status: "disabled", user: u };
    if (!m) {
      const joined = await tx.membership.create({
        data: { organizationId, userId: user.id, role: "MEMBER" },
        select: { id: true },
      });
      await recordAudit(
        {
          organizationId,
          actorUserId: user.id,
          action: "membership.sso-join",
          targetType: "Membership",
          targetId: joined.id,
          outcome: "ok",
          details: { email, role: "MEMBER" },
        },
        tx,
      );
    }
    await tx.user.update({ where: { id: user.id }, data: { lastOrganizationId: organizationId } });
    return { status: "ok", user: u, joined: !m, created };
  });
}

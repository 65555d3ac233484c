import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { mailSsoLink } from "../mail/account-mail";
import { emailDomain, nameFromClaims, SSO_LINK_MINUTES, type SsoRefusal } from "@/lib/domain/sso";
import type { Prisma } from "@/generated/prisma/client";
import type { VerifiedIdentity } from "../sso/oidc";
import type { SessionUser } from "./accounts";

// Who a verified answer from an organisation's provider signs in (issue 20, docs/decisions/034).
// The provider proved the e-mail (email_verified, a literal true); its domain must be one this very
// connection covers, so a provider can only speak for its own organisation's domains. The person
// at the provider (issuer + subject) is then an SsoIdentity of this connection:
// - linked and confirmed: that account is signed in (joining the organisation as MEMBER if needed);
// - a new e-mail: the account is created without a password and linked at once;
// - an account that existed before: linked only after its owner proves the e-mail, through a
//   one-time link mailed to it (account mail, which the organisation cannot read), because the
//   provider's word alone would let whoever runs it sign in to anyone's account.
// A disabled member is refused whichever way they came.

export type SsoSignIn =
  | { status: "ok"; user: SessionUser; joined: boolean }
  | { status: "confirm"; email: string }
  | { status: "refused"; reason: SsoRefusal };

interface Connection {
  connectionId: string;
  organizationId: string;
  domains: readonly string[];
  settings: { issuer: string };
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const USER = { id: true, name: true, email: true, sessionVersion: true } as const;

export async function signInWithSso(
  c: Connection,
  who: VerifiedIdentity,
  ip: string | null,
  next = "/",
): Promise<SsoSignIn> {
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
  const key = { connectionId: c.connectionId, issuer: c.settings.issuer, subject: who.sub };
  const attempt = () => linkedOrNew(c.organizationId, key, email, nameFromClaims(who.claims, email));
  // Two first sign-ins of one new address at once: the second finds the first's account and link.
  const result = await attempt().catch((err) => (isUniqueViolation(err) ? attempt() : Promise.reject(err)));
  if (result.status === "disabled") return refuse("disabled", result.user.id);
  if (result.status === "existing") return requestLink(c, key, result.user, next, ip);
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

interface IdentityKey {
  connectionId: string;
  issuer: string;
  subject: string;
}

type Resolved =
  | { status: "ok"; user: SessionUser; joined: boolean; created: boolean }
  | { status: "disabled"; user: SessionUser }
  | { status: "existing"; user: SessionUser };

/** The linked account, or a new one linked at once; an unlinked existing account is only reported. */
async function linkedOrNew(organizationId: string, key: IdentityKey, email: string, name: string): Promise<Resolved> {
  return db().$transaction(async (tx) => {
    const link = await tx.ssoIdentity.findUnique({
      where: { connectionId_issuer_subject: key },
      select: { confirmedAt: true, user: { select: USER } },
    });
    if (link?.confirmedAt) return join(tx, organizationId, link.user, false);
    const existing = await tx.user.findUnique({ where: { email }, select: USER });
    if (existing) return { status: "existing", user: existing };
    // No password: passwordHash "" matches none (bcrypt refuses it), so only the provider signs it in,
    // until its owner sets one through "Forgot your password?".
    const user = await tx.user.create({ data: { email, name, passwordHash: "" }, select: USER });
    await tx.ssoIdentity.create({ data: { ...key, organizationId, userId: user.id, confirmedAt: new Date() } });
    return join(tx, organizationId, user, true);
  });
}

/** The account joins the organisation as MEMBER if it is not in it; a disabled membership refuses. */
async function join(
  tx: Prisma.TransactionClient,
  organizationId: string,
  user: SessionUser,
  created: boolean,
): Promise<Resolved> {
  const m = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: user.id } },
    select: { id: true, status: true },
  });
  if (m && m.status !== "ACTIVE") return { status: "disabled", user };
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
        details: { email: user.email, role: "MEMBER" },
      },
      tx,
    );
  }
  await tx.user.update({ where: { id: user.id }, data: { lastOrganizationId: organizationId } });
  return { status: "ok", user, joined: !m, created };
}

/**
 * An existing account met through the provider for the first time: a waiting link (one per
 * identity; a new attempt replaces the last link) and the mail that proves the e-mail.
 */
async function requestLink(
  c: Connection,
  key: IdentityKey,
  user: SessionUser,
  next: string,
  ip: string | null,
): Promise<SsoSignIn> {
  const token = randomBytes(32).toString("base64url");
  const pending = {
    userId: user.id,
    tokenHash: hashToken(token),
    tokenExpiresAt: new Date(Date.now() + SSO_LINK_MINUTES * 60_000),
    next,
  };
  // Conditional on the link still waiting: a confirmation that landed meanwhile is not undone.
  const updated = await db().ssoIdentity.updateMany({ where: { ...key, confirmedAt: null }, data: pending });
  if (updated.count === 0) {
    try {
      await db().ssoIdentity.create({ data: { ...key, organizationId: c.organizationId, ...pending } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // Confirmed between the two statements, or another attempt's row: this answer's link stands only if waiting.
      const again = await db().ssoIdentity.updateMany({ where: { ...key, confirmedAt: null }, data: pending });
      if (again.count === 0) return { status: "confirm", email: user.email };
    }
  }
  const org = await db().organization.findUniqueOrThrow({ where: { id: c.organizationId }, select: { name: true } });
  await mailSsoLink({ userId: user.id, email: user.email, name: user.name, organisationName: org.name, token });
  await recordAudit({
    organizationId: c.organizationId,
    actorUserId: user.id,
    action: "sso.link-request",
    targetType: "SsoConnection",
    targetId: c.connectionId,
    outcome: "ok",
    ip,
    details: { email: user.email },
  });
  return { status: "confirm", email: user.email };
}

export type SsoLinkConfirmation =
  | { status: "ok"; user: SessionUser; organizationId: string; next: string }
  | { status: "refused"; reason: "used-or-expired" | "disabled" };

/** What the confirmation page shows before the button: whose account, which organisation; null if unusable. */
export async function ssoLinkPreview(
  token: string,
  now = new Date(),
): Promise<{ email: string; organisationName: string } | null> {
  const link = await db().ssoIdentity.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      confirmedAt: true,
      tokenExpiresAt: true,
      user: { select: { email: true } },
      organization: { select: { name: true } },
    },
  });
  if (!link || link.confirmedAt || !link.tokenExpiresAt || link.tokenExpiresAt <= now) return null;
  return { email: link.user.email, organisationName: link.organization.name };
}

/**
 * The owner of the e-mail used the link: the identity is linked (once: one conditional write, so
 * two clicks at once confirm it once) and the account signed in, joining the organisation.
 */
export async function confirmSsoLink(token: string, ip: string | null, now = new Date()): Promise<SsoLinkConfirmation> {
  const result = await db().$transaction(async (tx) => {
    const [link] = await tx.ssoIdentity.updateManyAndReturn({
      where: { tokenHash: hashToken(token), confirmedAt: null, tokenExpiresAt: { gt: now } },
      data: { confirmedAt: now, tokenHash: null, tokenExpiresAt: null },
      select: { id: true, organizationId: true, connectionId: true, userId: true, next: true },
    });
    if (!link) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: USER });
    const joined = await join(tx, link.organizationId, user, false);
    // A disabled member's link is not kept: they prove the e-mail again once enabled.
    if (joined.status !== "ok") await tx.ssoIdentity.update({ where: { id: link.id }, data: { confirmedAt: null } });
    return { link: { ...link, user }, joined };
  });
  if (!result) return { status: "refused", reason: "used-or-expired" };
  const { link, joined } = result;
  await recordAudit({
    organizationId: link.organizationId,
    actorUserId: link.user.id,
    action: "sso.link-confirm",
    targetType: "SsoConnection",
    targetId: link.connectionId,
    outcome: joined.status === "ok" ? "ok" : "denied",
    ip,
    details: {
      email: link.user.email,
      ...(joined.status === "ok" ? { joined: joined.joined } : { reason: "disabled" }),
    },
  });
  if (joined.status !== "ok") return { status: "refused", reason: "disabled" };
  return { status: "ok", user: link.user, organizationId: link.organizationId, next: link.next };
}

import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { appUrl } from "../app-url";
import { open, seal } from "../sso/secret-box";
import { discoveryProblem, providerConfig, type ProviderSettings } from "../sso/oidc";
import { emailDomain } from "@/lib/domain/sso";
import type { SsoConnectionInput, SsoSettingsDto, SsoTestResultDto } from "@/lib/schemas/sso";
import type { MemberContext } from "./accounts";

// Single sign-on settings (issue 20, docs/decisions/034): one OpenID Connect provider per
// organisation, the e-mail domains it covers (each domain one organisation's only: it is the
// SsoDomain key), and whether those people may still sign in with a password. The client secret is
// sealed (sso/secret-box.ts) and never leaves the server again.

export const SECRET_PURPOSE = "sso-client-secret";
export const SSO_CALLBACK_PATH = "/api/sso/callback";

/** What to register at the provider as the redirect URI: APP_URL (or this server) + the callback. */
export const ssoRedirectUri = () => appUrl(SSO_CALLBACK_PATH);

export async function getSsoSettings(ctx: MemberContext): Promise<SsoSettingsDto> {
  await authorize(ctx, "sso.manage");
  const c = await db().ssoConnection.findUnique({
    where: { organizationId: ctx.orgId },
    select: {
      issuer: true,
      clientId: true,
      allowPassword: true,
      updatedAt: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  return {
    redirectUri: ssoRedirectUri(),
    connection: c && {
      issuer: c.issuer,
      clientId: c.clientId,
      hasSecret: true,
      domains: c.domains.map((d) => d.domain),
      allowPassword: c.allowPassword,
      updatedAt: c.updatedAt.toISOString(),
    },
  };
}

const TAKEN =
  "is already covered by another organisation's single sign-on. A domain can belong to one organisation only.";

/** Creates or replaces the organisation's provider; a blank secret keeps the saved one. */
export async function saveSsoConnection(ctx: MemberContext, input: SsoConnectionInput): Promise<void> {
  await authorize(ctx, "sso.manage");
  const secret = input.clientSecret.trim();
  try {
    await db().$transaction(async (tx) => {
      const existing = await tx.ssoConnection.findUnique({
        where: { organizationId: ctx.orgId },
        select: { id: true },
      });
      if (!existing && !secret) throw new RuleError("Enter the client secret the provider gave you.", "clientSecret");
      const sealed = secret ? { clientSecretSealed: seal(secret, SECRET_PURPOSE) } : {};
      const fields = { issuer: input.issuer, clientId: input.clientId, allowPassword: input.allowPassword };
      const c = existing
        ? await tx.ssoConnection.update({
            where: { id: existing.id },
            data: { ...fields, ...sealed },
            select: { id: true },
          })
        : await tx.ssoConnection.create({
            data: { organizationId: ctx.orgId, ...fields, clientSecretSealed: seal(secret, SECRET_PURPOSE) },
            select: { id: true },
          });
      // Which of the domains another organisation holds, named beside the field (the unique key is the guard).
      const taken = await tx.ssoDomain.findMany({
        where: { domain: { in: input.domains }, organizationId: { not: ctx.orgId } },
        select: { domain: true },
      });
      if (taken.length) throw new RuleError(`${taken.map((t) => t.domain).join(", ")} ${TAKEN}`, "domains");
      await tx.ssoDomain.deleteMany({ where: { connectionId: c.id, domain: { notIn: input.domains } } });
      await tx.ssoDomain.createMany({
        data: input.domains.map((domain) => ({ domain, connectionId: c.id, organizationId: ctx.orgId })),
        skipDuplicates: true,
      });
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: existing ? "sso.update" : "sso.create",
          targetType: "SsoConnection",
          targetId: c.id,
          outcome: "ok",
          // Never the secret: only whether it changed.
          details: { ...fields, domains: input.domains, secretChanged: Boolean(secret) },
        },
        tx,
      );
    });
  } catch (err) {
    // Two organisations claiming one domain at the same moment: the second meets the primary key.
    if (isUniqueViolation(err)) throw new RuleError(`A domain you entered ${TAKEN}`, "domains");
    throw err;
  }
}

export async function deleteSsoConnection(ctx: MemberContext): Promise<void> {
  await authorize(ctx, "sso.manage");
  await db().$transaction(async (tx) => {
    const c = await tx.ssoConnection.findUnique({ where: { organizationId: ctx.orgId }, select: { id: true } });
    if (!c) return;
    await tx.ssoConnection.delete({ where: { id: c.id } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "sso.delete",
        targetType: "SsoConnection",
        targetId: c.id,
        outcome: "ok",
      },
      tx,
    );
  });
}

/** Runs discovery against the saved settings: the admin's "Test connection". */
export async function testSsoConnection(ctx: MemberContext): Promise<SsoTestResultDto> {
  await authorize(ctx, "sso.manage");
  const c = await db().ssoConnection.findUnique({
    where: { organizationId: ctx.orgId },
    select: { issuer: true, clientId: true, clientSecretSealed: true },
  });
  if (!c) throw new RuleError("Save the provider's settings first.");
  const settings = unsealed(c);
  try {
    const config = await providerConfig(settings);
    const meta = config.serverMetadata();
    return { issuer: meta.issuer, authorizationEndpoint: meta.authorization_endpoint ?? "" };
  } catch (err) {
    throw new RuleError(discoveryProblem(err, c.issuer));
  }
}

function unsealed(c: { issuer: string; clientId: string; clientSecretSealed: string }): ProviderSettings {
  const clientSecret = open(c.clientSecretSealed, SECRET_PURPOSE);
  // The key changed (CONDUCT_SECRET_KEY or the auth secret): the admin enters the secret again.
  if (clientSecret === null)
    throw new RuleError("The saved client secret cannot be read with this server's key. Enter it again and save.");
  return { issuer: c.issuer, clientId: c.clientId, clientSecret };
}

/** The connection covering an address's domain, with its settings unsealed; null when none does. */
export async function ssoConnectionFor(
  email: string,
): Promise<{ connectionId: string; organizationId: string; settings: ProviderSettings } | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const d = await db().ssoDomain.findUnique({
    where: { domain },
    select: {
      connection: {
        select: { id: true, organizationId: true, issuer: true, clientId: true, clientSecretSealed: true },
      },
    },
  });
  if (!d) return null;
  const c = d.connection;
  return { connectionId: c.id, organizationId: c.organizationId, settings: unsealed(c) };
}

export async function ssoConnectionById(
  connectionId: string,
): Promise<{ connectionId: string; organizationId: string; domains: string[]; settings: ProviderSettings } | null> {
  const c = await db().ssoConnection.findUnique({
    where: { id: connectionId },
    select: {
      id: true,
      organizationId: true,
      issuer: true,
      clientId: true,
      clientSecretSealed: true,
      domains: { select: { domain: true } },
    },
  });
  if (!c) return null;
  return {
    connectionId: c.id,
    organizationId: c.organizationId,
    domains: c.domains.map((d) => d.domain),
    settings: unsealed(c),
  };
}

/** False when the address's domain is covered by a provider whose organisation turned password sign-in off. */
export async function passwordSignInAllowed(email: string): Promise<boolean> {
  const domain = emailDomain(email);
  if (!domain) return true;
  const d = await db().ssoDomain.findUnique({
    where: { domain },
    select: { connection: { select: { allowPassword: true } } },
  });
  return d?.connection.allowPassword ?? true;
}

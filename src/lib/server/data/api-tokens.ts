import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { ForbiddenError, NotFoundError } from "../errors";
import { addDays, dayStart } from "@/lib/domain/dates";
import { TOKEN_PREFIX_LENGTH, tokenState, windowStartOf, type ApiScope } from "@/lib/domain/api-tokens";
import type { ApiTokenCreatedDto, ApiTokenDto, ApiTokenInput } from "@/lib/schemas/api";
import { memberContext, type MemberContext } from "./accounts";

// Organisation API tokens (issue 20, docs/decisions/031). A token acts with the authority of the
// admin who made it, narrowed to its scopes: every data-layer call it makes runs as that admin's
// MemberContext (so the permission table still applies) after the scope check here. Once its
// creator is no longer an active admin of the organisation, it stops working.

/** Who is calling the API: the creator's context, and what the token allows. */
export interface ApiCaller {
  member: MemberContext;
  tokenId: string;
  prefix: string;
  scopes: readonly ApiScope[];
}

/** A scope the token was not given: refused like a role's missing permission (403). */
export class ScopeError extends ForbiddenError {
  constructor(readonly scope: ApiScope) {
    super(`This token does not have the ${scope} scope.`);
  }
}

/** The one scope check of the API, in the data layer beside the permission check. */
export function requireScope(caller: ApiCaller, scope: ApiScope): MemberContext {
  if (!caller.scopes.includes(scope)) throw new ScopeError(scope);
  return caller.member;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(
  ctx: MemberContext,
  input: ApiTokenInput,
  now = new Date(),
): Promise<ApiTokenCreatedDto> {
  await authorize(ctx, "apiTokens.manage");
  const token = `cdt_${randomBytes(32).toString("base64url")}`;
  // Works to the end of the chosen day in the organisation's zone.
  const expiresAt = input.expiresOn ? dayStart(addDays(input.expiresOn, 1), ctx.timeZone) : null;
  const created = await db().$transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: {
        organizationId: ctx.orgId,
        name: input.name,
        scopes: input.scopes,
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
        createdById: ctx.membershipId,
        createdAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "api-token.create",
        targetType: "ApiToken",
        targetId: t.id,
        outcome: "ok",
        details: { name: input.name, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return t;
  });
  return { id: created.id, token };
}

export async function listApiTokens(ctx: MemberContext, now = new Date()): Promise<ApiTokenDto[]> {
  await authorize(ctx, "apiTokens.manage");
  const rows = await db().apiToken.findMany({
    where: { organizationId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy.user.name,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    state: tokenState(r, now),
  }));
}

export async function revokeApiToken(ctx: MemberContext, id: string, now = new Date()): Promise<void> {
  await authorize(ctx, "apiTokens.manage");
  await db().$transaction(async (tx) => {
    const res = await tx.apiToken.updateMany({
      where: { id, organizationId: ctx.orgId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (res.count === 0) {
      // Revoking twice is not an error; another organisation's token is not found.
      const exists = await tx.apiToken.count({ where: { id, organizationId: ctx.orgId } });
      if (!exists) throw new NotFoundError();
      return;
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "api-token.revoke",
        targetType: "ApiToken",
        targetId: id,
        outcome: "ok",
      },
      tx,
    );
  });
}

export type Authentication =
  | { ok: true; caller: ApiCaller }
  | { ok: false; organizationId: string | null; tokenId: string | null; detail: string };

/**
 * The caller behind a bearer token, or why there is none. Unknown, revoked and expired tokens,
 * and those whose creator is no longer an active admin, are all refused (401).
 */
export async function authenticateToken(secret: string, now = new Date()): Promise<Authentication> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      organizationId: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { userId: true } },
    },
  });
  if (!row) return { ok: false, organizationId: null, tokenId: null, detail: "Unknown token." };
  const refused = (detail: string) =>
    ({ ok: false, organizationId: row.organizationId, tokenId: row.id, detail }) as const;
  const state = tokenState(row, now);
  if (state !== "active") return refused(`This token is ${state}.`);
  const member = await memberContext(row.createdBy.userId, row.organizationId);
  if (!member || member.orgId !== row.organizationId || member.role !== "ADMIN")
    return refused("The admin who made this token is no longer an active admin; an admin can make a new one.");
  return {
    ok: true,
    caller: { member, tokenId: row.id, prefix: row.prefix, scopes: row.scopes as ApiScope[] },
  };
}

/**
 * Counts this call in the token's current one-minute window and records the last use, in one
 * conditional statement: every process over the same database shares the count, and concurrent
 * calls queue on the row's lock, so none is lost. Returns whether the call is within `limit`.
 */
export async function countCall(tokenId: string, limit: number, now = new Date()): Promise<boolean> {
  const window = windowStartOf(now).toISOString();
  const at = now.toISOString();
  const rows = await db().$queryRaw<{ windowCount: number }[]>`
    UPDATE "ApiToken"
       SET "windowCount" = CASE WHEN "windowStart" = ${window}::timestamp(3) THEN "windowCount" + 1 ELSE 1 END,
           "windowStart" = ${window}::timestamp(3),
           "lastUsedAt" = ${at}::timestamp(3)
     WHERE "id" = ${tokenId}
    RETURNING "windowCount"`;
  return (rows[0]?.windowCount ?? Infinity) <= limit;
}

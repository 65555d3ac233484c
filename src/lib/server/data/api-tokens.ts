import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { ForbiddenError, NotFoundError } from "../errors";
import { addDays, dayStart } from "@/lib/domain/dates";
import { TOKEN_PREFIX_LENGTH, tokenState, windowStartOf, type ApiScope } from "@/lib/domain/api-tokens";
import { SCIM_TOKEN_PREFIX } from "@/lib/domain/scim";
import type { ApiTokenCreatedDto, ApiTokenDto, ApiTokenInput, ScimTokenInput } from "@/lib/schemas/api";
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

/**
 * The SCIM endpoints' check in the data layer (docs/decisions/038): a SCIM token carries its
 * creator's context, and that context must still hold scim.manage for every call.
 */
export async function scimContext(caller: ApiCaller): Promise<MemberContext> {
  await authorize(caller.member, "scim.manage");
  return caller.member;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type TokenKind = "API" | "SCIM";
const PERMISSION = { API: "apiTokens.manage", SCIM: "scim.manage" } as const;
const SECRET_PREFIX = { API: "cdt_", SCIM: SCIM_TOKEN_PREFIX } as const;
const AUDIT_NAME = { API: "api-token", SCIM: "scim-token" } as const;

async function issueToken(
  ctx: MemberContext,
  kind: TokenKind,
  input: { name: string; scopes: readonly string[]; expiresOn: string | null },
  now: Date,
): Promise<ApiTokenCreatedDto> {
  await authorize(ctx, PERMISSION[kind]);
  const token = `${SECRET_PREFIX[kind]}${randomBytes(32).toString("base64url")}`;
  // Works to the end of the chosen day in the organisation's zone.
  const expiresAt = input.expiresOn ? dayStart(addDays(input.expiresOn, 1), ctx.timeZone) : null;
  const created = await db().$transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: {
        organizationId: ctx.orgId,
        kind,
        name: input.name,
        scopes: [...input.scopes],
        tokenHash: hashToken(token),
        // The kind's prefix and the same six characters after it ("cdt_" is four of TOKEN_PREFIX_LENGTH).
        prefix: token.slice(0, SECRET_PREFIX[kind].length + TOKEN_PREFIX_LENGTH - 4),
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
        action: `${AUDIT_NAME[kind]}.create`,
        targetType: "ApiToken",
        targetId: t.id,
        outcome: "ok",
        details: {
          name: input.name,
          ...(kind === "API" ? { scopes: [...input.scopes] } : {}),
          expiresAt: expiresAt?.toISOString() ?? null,
        },
      },
      tx,
    );
    return t;
  });
  return { id: created.id, token };
}

async function listTokens(ctx: MemberContext, kind: TokenKind, now: Date): Promise<ApiTokenDto[]> {
  await authorize(ctx, PERMISSION[kind]);
  const rows = await db().apiToken.findMany({
    where: { organizationId: ctx.orgId, kind },
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

async function revokeToken(ctx: MemberContext, kind: TokenKind, id: string, now: Date): Promise<void> {
  await authorize(ctx, PERMISSION[kind]);
  await db().$transaction(async (tx) => {
    const res = await tx.apiToken.updateMany({
      where: { id, organizationId: ctx.orgId, kind, revokedAt: null },
      data: { revokedAt: now },
    });
    if (res.count === 0) {
      // Revoking twice is not an error; another organisation's token (or one of the other kind) is not found.
      const exists = await tx.apiToken.count({ where: { id, organizationId: ctx.orgId, kind } });
      if (!exists) throw new NotFoundError();
      return;
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: `${AUDIT_NAME[kind]}.revoke`,
        targetType: "ApiToken",
        targetId: id,
        outcome: "ok",
      },
      tx,
    );
  });
}

export const createApiToken = (ctx: MemberContext, input: ApiTokenInput, now = new Date()) =>
  issueToken(ctx, "API", input, now);
export const listApiTokens = (ctx: MemberContext, now = new Date()) => listTokens(ctx, "API", now);
export const revokeApiToken = (ctx: MemberContext, id: string, now = new Date()) => revokeToken(ctx, "API", id, now);

/** A SCIM token (docs/decisions/038): no scopes, it reaches only /scim/v2, with the authority of the admin who made it. */
export const createScimToken = (ctx: MemberContext, input: ScimTokenInput, now = new Date()) =>
  issueToken(ctx, "SCIM", { ...input, scopes: [] }, now);
export const listScimTokens = (ctx: MemberContext, now = new Date()) => listTokens(ctx, "SCIM", now);
export const revokeScimToken = (ctx: MemberContext, id: string, now = new Date()) => revokeToken(ctx, "SCIM", id, now);

export type Authentication =
  | { ok: true; caller: ApiCaller }
  | { ok: false; organizationId: string | null; tokenId: string | null; detail: string };

/**
 * The caller behind a bearer token, or why there is none. Unknown, revoked and expired tokens,
 * and those whose creator is no longer an active admin, are all refused (401).
 */
export async function authenticateToken(
  secret: string,
  kind: TokenKind = "API",
  now = new Date(),
): Promise<Authentication> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      kind: true,
      organizationId: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { userId: true } },
    },
  });
  // A token of the other kind is as unknown here as a made-up one: a SCIM token reads no API, and back.
  if (!row || row.kind !== kind) return { ok: false, organizationId: null, tokenId: null, detail: "Unknown token." };
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

import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { NotFoundError } from "../errors";
import { mailAdded } from "../mail/account-mail";
import { Email } from "@/lib/schemas/auth";
import {
  fullName,
  listBody,
  pageOf,
  parseEqFilter,
  patchUser,
  ScimError,
  splitName,
  SCIM_USER,
  userFromBody,
  type ScimUserState,
} from "@/lib/domain/scim";
import type { Prisma } from "@/generated/prisma/client";
import { revokeSessions } from "./accounts";
import { changeMembership } from "./members";
import { scimContext, type ApiCaller } from "./api-tokens";
import type { MemberContext } from "./accounts";

// SCIM Users (issue 20, docs/decisions/038): a user is a membership of the token's organisation,
// its id the membership's id. The account (e-mail and name) is shared by every organisation the
// person belongs to, so the provider may change it only while the account is in this organisation
// alone; the membership (active, externalId) is the organisation's own.

const ROW = {
  id: true,
  externalId: true,
  status: true,
  role: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true, name: true } },
} satisfies Prisma.MembershipSelect;
type Row = Prisma.MembershipGetPayload<{ select: typeof ROW }>;

/** Memberships the provider can see: not deleted through SCIM, and of real accounts (no stand-ins). */
const visible = (orgId: string): Prisma.MembershipWhereInput => ({
  organizationId: orgId,
  scimDeletedAt: null,
  status: { in: ["ACTIVE", "DISABLED"] },
  user: { placeholder: false, erasedAt: null },
});

export function userResource(r: Row, base: string) {
  const parts = splitName(r.user.name);
  return {
    schemas: [SCIM_USER],
    id: r.id,
    ...(r.externalId ? { externalId: r.externalId } : {}),
    userName: r.user.email,
    name: { formatted: r.user.name, ...parts },
    displayName: r.user.name,
    emails: [{ value: r.user.email, type: "work", primary: true }],
    active: r.status === "ACTIVE",
    meta: {
      resourceType: "User",
      created: r.createdAt.toISOString(),
      lastModified: r.updatedAt.toISOString(),
      location: `${base}/Users/${r.id}`,
    },
  };
}

const stateOf = (r: Row): ScimUserState => ({
  userName: r.user.email,
  displayName: r.user.name,
  ...splitName(r.user.name),
  active: r.status === "ACTIVE",
  externalId: r.externalId,
});

function emailOf(userName: string): string {
  const e = Email.safeParse(userName);
  if (!e.success) throw new ScimError(400, "userName must be the person's e-mail address.", "invalidValue");
  return e.data;
}

async function findVisible(ctx: MemberContext, id: string): Promise<Row> {
  const row = await db().membership.findFirst({ where: { id, ...visible(ctx.orgId) }, select: ROW });
  if (!row) throw new NotFoundError();
  return row;
}

const audit = (ctx: MemberContext, action: string, id: string, details: Record<string, unknown> = {}) =>
  recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action,
    targetType: "Membership",
    targetId: id,
    outcome: "ok",
    details: { via: "scim", ...details },
  });

const clash = (err: unknown, what: string) =>
  isUniqueViolation(err) ? new ScimError(409, `${what} is already taken in this organisation.`, "uniqueness") : err;

export async function getScimUser(caller: ApiCaller, id: string, base: string) {
  return userResource(await findVisible(await scimContext(caller), id), base);
}

export async function listScimUsers(caller: ApiCaller, query: URLSearchParams, base: string) {
  const ctx = await scimContext(caller);
  const filter = query.get("filter");
  const f = filter ? parseEqFilter(filter, ["username", "externalid", "emails.value"]) : null;
  const where: Prisma.MembershipWhereInput = {
    ...visible(ctx.orgId),
    ...(f?.attribute === "externalid"
      ? { externalId: f.value }
      : f
        ? { user: { placeholder: false, erasedAt: null, email: f.value.trim().toLowerCase() } }
        : {}),
  };
  const { skip, take } = pageOf({ startIndex: query.get("startIndex"), count: query.get("count") });
  const [total, rows] = await Promise.all([
    db().membership.count({ where }),
    take === 0
      ? Promise.resolve([])
      : db().membership.findMany({ where, select: ROW, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  ]);
  return listBody(
    rows.map((r) => userResource(r, base)),
    total,
    skip,
  );
}

/**
 * Provisions a person: a new account, or an existing account joining the organisation (told by
 * e-mail), or a membership the provider deleted coming back. A userName already provisioned here
 * is a 409 (uniqueness), as RFC 7644 §3.3 asks, so the provider looks it up and links to it.
 */
export async function createScimUser(caller: ApiCaller, body: unknown, base: string) {
  const ctx = await scimContext(caller);
  const state = userFromBody(body);
  const email = emailOf(state.userName);
  const name = fullName(state);
  const status = state.active ? "ACTIVE" : "DISABLED";
  const result = await db()
    .$transaction(async (tx) => {
      const existing = await tx.user.findUnique({
        where: { email },
        select: {
          id: true,
          name: true,
          memberships: { select: { id: true, organizationId: true, scimDeletedAt: true } },
        },
      });
      if (!existing) {
        const user = await tx.user.create({ data: { email, name, passwordHash: "" }, select: { id: true } });
        const m = await tx.membership.create({
          data: { organizationId: ctx.orgId, userId: user.id, role: "MEMBER", status, externalId: state.externalId },
          select: { id: true },
        });
        return { id: m.id, how: "created" as const, userId: user.id };
      }
      const here = existing.memberships.find((m) => m.organizationId === ctx.orgId);
      if (here && !here.scimDeletedAt)
        throw new ScimError(409, `${email} is already a member of this organisation (id ${here.id}).`, "uniqueness");
      // The account's name is the person's own once they are elsewhere too; here alone, the provider's.
      const alone = existing.memberships.every((m) => m.organizationId === ctx.orgId);
      if (alone && existing.name !== name) await tx.user.update({ where: { id: existing.id }, data: { name } });
      if (here) {
        await tx.membership.update({
          where: { id: here.id },
          data: { status, scimDeletedAt: null, externalId: state.externalId },
        });
        return { id: here.id, how: "revived" as const, userId: existing.id };
      }
      const m = await tx.membership.create({
        data: { organizationId: ctx.orgId, userId: existing.id, role: "MEMBER", status, externalId: state.externalId },
        select: { id: true },
      });
      return { id: m.id, how: "joined" as const, userId: existing.id };
    })
    .catch((err: unknown) => Promise.reject(clash(err, "That userName or externalId")));
  await audit(ctx, "scim.user.create", result.id, { email, how: result.how, active: state.active });
  if (result.how === "joined" && state.active)
    await mailAdded({ organizationId: ctx.orgId, userId: result.userId, email, name, role: "MEMBER" });
  const row = await findVisible(ctx, result.id);
  return { status: 201, body: userResource(row, base), location: `${base}/Users/${row.id}` };
}

/** Disabling a member ends their sessions when Conduct is the only organisation they are active in. */
async function endSessionsIfNowhereElse(userId: string, orgId: string): Promise<void> {
  const elsewhere = await db().membership.count({
    where: { userId, status: "ACTIVE", organizationId: { not: orgId } },
  });
  if (elsewhere === 0) await revokeSessions(userId);
}

/** The membership's state, under the lock on the organisation's admins (the last admin stays active). */
/** Refuses to disable the organisation's last active admin (under the admins' lock, in changeMembership). */
function keepLastAdmin(active: boolean) {
  return (m: { role: string; status: string }, admins: number) => {
    if (!active && m.role === "ADMIN" && m.status === "ACTIVE" && admins <= 1)
      throw new ScimError(
        400,
        "This person is the organisation's last active admin: make someone else an admin in Conduct first.",
        "mutability",
      );
  };
}

async function setActive(ctx: MemberContext, id: string, active: boolean, deleted?: Date) {
  await changeMembership(ctx, id, keepLastAdmin(active), {
    status: active ? "ACTIVE" : "DISABLED",
    ...(deleted ? { scimDeletedAt: deleted } : {}),
  });
}

/**
 * Applies a user's new state (from PUT or PATCH) in one transaction under the admins' lock: the account fields
 * the provider owns, its id for the person and the membership's status change together or not at all (a refused
 * deactivation of the last admin leaves the e-mail and name as they were).
 */
async function applyUser(caller: ApiCaller, row: Row, next: ScimUserState, base: string) {
  const ctx = await scimContext(caller);
  const before = stateOf(row);
  const email = emailOf(next.userName);
  const name = fullName(next);
  const wanted: { email?: string; name?: string } = {};
  if (email !== row.user.email) wanted.email = email;
  if (name !== row.user.name) wanted.name = name;
  const statusChanges = next.active !== before.active;
  const externalChanges = next.externalId !== row.externalId;
  let accountChange: { email?: string; name?: string } = {};
  await changeMembership(
    ctx,
    row.id,
    keepLastAdmin(next.active),
    statusChanges ? { status: next.active ? "ACTIVE" : "DISABLED" } : {},
    async (tx) => {
      accountChange = await accountFields(tx, ctx, row, wanted);
      if (Object.keys(accountChange).length > 0)
        await tx.user
          .update({ where: { id: row.user.id }, data: accountChange })
          .catch((err: unknown) => Promise.reject(clash(err, `The e-mail address ${email}`)));
      if (externalChanges)
        await tx.membership
          .update({ where: { id: row.id }, data: { externalId: next.externalId } })
          .catch((err: unknown) => Promise.reject(clash(err, "That externalId")));
    },
  );
  if (statusChanges) {
    if (!next.active) await endSessionsIfNowhereElse(row.user.id, ctx.orgId);
    await audit(ctx, next.active ? "membership.enable" : "membership.disable", row.id);
  }
  if (accountChange.email || accountChange.name || externalChanges)
    await audit(ctx, "scim.user.update", row.id, {
      ...(accountChange.email ? { email: { from: row.user.email, to: accountChange.email } } : {}),
      ...(accountChange.name ? { renamed: true } : {}),
    });
  return { status: 200, body: userResource(await findVisible(ctx, row.id), base) };
}

/**
 * Which of the wanted account fields the provider may change: an account that also belongs to another
 * organisation keeps its own name, and its e-mail cannot be changed from here at all.
 */
async function accountFields(
  tx: Prisma.TransactionClient,
  ctx: MemberContext,
  row: Row,
  wanted: { email?: string; name?: string },
): Promise<{ email?: string; name?: string }> {
  if (Object.keys(wanted).length === 0) return {};
  const elsewhere = await tx.membership.count({ where: { userId: row.user.id, organizationId: { not: ctx.orgId } } });
  if (elsewhere === 0) return wanted;
  if (wanted.email)
    throw new ScimError(
      400,
      `${row.user.email} also belongs to another organisation in Conduct: only its owner can change its e-mail address.`,
      "mutability",
    );
  return {};
}

export async function replaceScimUser(caller: ApiCaller, id: string, body: unknown, base: string) {
  const row = await findVisible(await scimContext(caller), id);
  return applyUser(caller, row, userFromBody(body), base);
}

export async function patchScimUser(caller: ApiCaller, id: string, body: unknown, base: string) {
  const row = await findVisible(await scimContext(caller), id);
  return applyUser(caller, row, patchUser(stateOf(row), body), base);
}

/**
 * The provider deletes a person: the membership is disabled and hidden from the provider (404 from
 * here on), their sessions end, and their records keep their owner. Creating the same userName
 * again brings the membership back (docs/decisions/038); erasing the person is an admin's act.
 */
export async function deleteScimUser(caller: ApiCaller, id: string) {
  const ctx = await scimContext(caller);
  const row = await findVisible(ctx, id);
  await setActive(ctx, row.id, false, new Date());
  await endSessionsIfNowhereElse(row.user.id, ctx.orgId);
  await audit(ctx, "scim.user.delete", row.id, { email: row.user.email });
  return { status: 204 };
}

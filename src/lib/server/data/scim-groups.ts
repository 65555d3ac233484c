import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isUniqueViolation } from "../db-errors";
import { NotFoundError } from "../errors";
import {
  groupFromBody,
  listBody,
  membersAfter,
  pageOf,
  parseEqFilter,
  patchGroup,
  ScimError,
  SCIM_GROUP,
  type ScimGroupChange,
} from "@/lib/domain/scim";
import type { Prisma } from "@/generated/prisma/client";
import { scimContext, type ApiCaller } from "./api-tokens";
import type { MemberContext } from "./accounts";

// SCIM Groups (issue 20, docs/decisions/038) are the organisation's teams (not value streams):
// displayName is the team's name, members its people. Deleting a group archives the team, so its
// history stays; creating a group with an archived team's name brings that team back.

const GROUP = {
  id: true,
  name: true,
  externalId: true,
  createdAt: true,
} satisfies Prisma.TeamSelect;
type GroupRow = Prisma.TeamGetPayload<{ select: typeof GROUP }>;

const live = (orgId: string): Prisma.TeamWhereInput => ({ organizationId: orgId, kind: "TEAM", archivedAt: null });

/** A group's members: its people the provider can see (not deleted through SCIM, no stand-ins). */
const visibleMember = {
  scimDeletedAt: null,
  status: { in: ["ACTIVE", "DISABLED"] },
  user: { placeholder: false, erasedAt: null },
} satisfies Prisma.MembershipWhereInput;

async function membersOf(orgId: string, teamIds: string[]) {
  if (teamIds.length === 0) return new Map<string, { value: string; display: string }[]>();
  const rows = await db().teamMember.findMany({
    where: { organizationId: orgId, teamId: { in: teamIds }, membership: visibleMember },
    select: { teamId: true, membershipId: true, membership: { select: { user: { select: { name: true } } } } },
    orderBy: { membershipId: "asc" },
  });
  const out = new Map<string, { value: string; display: string }[]>();
  for (const r of rows)
    out.set(r.teamId, [...(out.get(r.teamId) ?? []), { value: r.membershipId, display: r.membership.user.name }]);
  return out;
}

function groupResource(t: GroupRow, members: { value: string; display: string }[] | null, base: string) {
  return {
    schemas: [SCIM_GROUP],
    id: t.id,
    ...(t.externalId ? { externalId: t.externalId } : {}),
    displayName: t.name,
    ...(members ? { members: members.map((m) => ({ ...m, type: "User", $ref: `${base}/Users/${m.value}` })) } : {}),
    meta: { resourceType: "Group", created: t.createdAt.toISOString(), location: `${base}/Groups/${t.id}` },
  };
}

const withoutMembers = (query: URLSearchParams) =>
  /(^|,)\s*members\s*(,|$)/i.test(query.get("excludedAttributes") ?? "");

async function findGroup(ctx: MemberContext, id: string): Promise<GroupRow> {
  const t = await db().team.findFirst({ where: { id, ...live(ctx.orgId) }, select: GROUP });
  if (!t) throw new NotFoundError();
  return t;
}

async function resourceOf(ctx: MemberContext, id: string, base: string, query?: URLSearchParams) {
  const t = await findGroup(ctx, id);
  const members = query && withoutMembers(query) ? null : ((await membersOf(ctx.orgId, [t.id])).get(t.id) ?? []);
  return groupResource(t, members, base);
}

const audit = (ctx: MemberContext, action: string, id: string, details: Record<string, unknown> = {}) =>
  recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action,
    targetType: "Team",
    targetId: id,
    outcome: "ok",
    details: { via: "scim", ...details },
  });

const clash = (err: unknown) =>
  isUniqueViolation(err)
    ? new ScimError(
        409,
        "Another team, value stream or group in this organisation already has this name or externalId.",
        "uniqueness",
      )
    : err;

export async function getScimGroup(caller: ApiCaller, id: string, query: URLSearchParams, base: string) {
  return resourceOf(await scimContext(caller), id, base, query);
}

export async function listScimGroups(caller: ApiCaller, query: URLSearchParams, base: string) {
  const ctx = await scimContext(caller);
  const filter = query.get("filter");
  const f = filter ? parseEqFilter(filter, ["displayname", "externalid"]) : null;
  const where: Prisma.TeamWhereInput = {
    ...live(ctx.orgId),
    ...(f?.attribute === "externalid"
      ? { externalId: f.value }
      : f
        ? { name: { equals: f.value, mode: "insensitive" } }
        : {}),
  };
  const { skip, take } = pageOf({ startIndex: query.get("startIndex"), count: query.get("count") });
  const [total, rows] = await Promise.all([
    db().team.count({ where }),
    take === 0
      ? Promise.resolve([])
      : db().team.findMany({ where, select: GROUP, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
  ]);
  const members = withoutMembers(query)
    ? null
    : await membersOf(
        ctx.orgId,
        rows.map((r) => r.id),
      );
  return listBody(
    rows.map((r) => groupResource(r, members ? (members.get(r.id) ?? []) : null, base)),
    total,
    skip,
  );
}

/** The ids, checked: each must be a person of this organisation the provider can see (a foreign id is unknown). */
async function checkMembers(tx: Prisma.TransactionClient, orgId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx.membership.findMany({
    where: { id: { in: unique }, organizationId: orgId, ...visibleMember },
    select: { id: true },
  });
  const known = new Set(found.map((m) => m.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ScimError(400, `No user with id ${unknown.slice(0, 5).join(", ")} in this organisation.`, "invalidValue");
}

/** Sets a team's people to exactly `ids` (checked by the caller), in the same transaction as the rest of the change. */
async function setMembers(tx: Prisma.TransactionClient, orgId: string, teamId: string, ids: string[]) {
  const current = await tx.teamMember.findMany({
    where: { organizationId: orgId, teamId, membership: visibleMember },
    select: { membershipId: true },
  });
  const want = new Set(ids);
  const gone = current.map((c) => c.membershipId).filter((id) => !want.has(id));
  if (gone.length > 0)
    await tx.teamMember.deleteMany({ where: { organizationId: orgId, teamId, membershipId: { in: gone } } });
  await tx.teamMember.createMany({
    data: [...want].map((membershipId) => ({ organizationId: orgId, teamId, membershipId })),
    skipDuplicates: true,
  });
  return { added: [...want].filter((id) => !current.some((c) => c.membershipId === id)).length, removed: gone.length };
}

export async function createScimGroup(caller: ApiCaller, body: unknown, base: string) {
  const ctx = await scimContext(caller);
  const g = groupFromBody(body);
  const { id, revived } = await db()
    .$transaction(async (tx) => {
      const archived = await tx.team.findFirst({
        where: { organizationId: ctx.orgId, kind: "TEAM", archivedAt: { not: null }, name: g.displayName },
        select: { id: true },
      });
      const team = archived
        ? await tx.team.update({
            where: { id: archived.id },
            data: { archivedAt: null, externalId: g.externalId },
            select: { id: true },
          })
        : await tx.team.create({
            data: { organizationId: ctx.orgId, name: g.displayName, kind: "TEAM", externalId: g.externalId },
            select: { id: true },
          });
      await checkMembers(tx, ctx.orgId, g.members);
      await setMembers(tx, ctx.orgId, team.id, g.members);
      return { id: team.id, revived: Boolean(archived) };
    })
    .catch((err: unknown) => Promise.reject(clash(err)));
  await audit(ctx, revived ? "team.unarchive" : "team.create", id, { name: g.displayName, members: g.members.length });
  return { status: 201, body: await resourceOf(ctx, id, base), location: `${base}/Groups/${id}` };
}

async function applyGroup(caller: ApiCaller, id: string, change: ScimGroupChange, base: string) {
  const ctx = await scimContext(caller);
  const team = await findGroup(ctx, id);
  const counts = await db()
    .$transaction(async (tx) => {
      // One change to a team's people at a time: the row lock orders concurrent PATCHes of one group.
      await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${team.id} FOR UPDATE`;
      const data: Prisma.TeamUpdateInput = {};
      if (change.displayName !== undefined && change.displayName !== team.name) data.name = change.displayName;
      if (change.externalId !== undefined && change.externalId !== team.externalId) data.externalId = change.externalId;
      if (Object.keys(data).length > 0) await tx.team.update({ where: { id: team.id }, data });
      if (!change.setMembers && change.add.length === 0 && change.remove.length === 0) return { added: 0, removed: 0 };
      const current = await tx.teamMember.findMany({
        where: { organizationId: ctx.orgId, teamId: team.id, membership: visibleMember },
        select: { membershipId: true },
      });
      // Removing someone not in the group changes nothing; adding an unknown id is refused.
      await checkMembers(tx, ctx.orgId, [...(change.setMembers ?? []), ...change.add]);
      return setMembers(
        tx,
        ctx.orgId,
        team.id,
        membersAfter(
          current.map((c) => c.membershipId),
          change,
        ),
      );
    })
    .catch((err: unknown) => Promise.reject(clash(err)));
  if (change.displayName !== undefined && change.displayName !== team.name)
    await audit(ctx, "team.rename", team.id, { from: team.name, to: change.displayName });
  if (counts.added > 0 || counts.removed > 0) await audit(ctx, "team.members.sync", team.id, counts);
  return { status: 200, body: await resourceOf(ctx, team.id, base) };
}

export async function replaceScimGroup(caller: ApiCaller, id: string, body: unknown, base: string) {
  const g = groupFromBody(body);
  return applyGroup(
    caller,
    id,
    { displayName: g.displayName, externalId: g.externalId, setMembers: g.members, add: [], remove: [] },
    base,
  );
}

export async function patchScimGroup(caller: ApiCaller, id: string, body: unknown, base: string) {
  return applyGroup(caller, id, patchGroup(body), base);
}

/** Deleting a group archives its team: the history stays, nobody logs for it, the provider no longer sees it. */
export async function deleteScimGroup(caller: ApiCaller, id: string) {
  const ctx = await scimContext(caller);
  const team = await findGroup(ctx, id);
  const { count } = await db().team.updateMany({
    where: { id: team.id, organizationId: ctx.orgId, archivedAt: null },
    data: { archivedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError();
  await audit(ctx, "team.archive", team.id, { name: team.name });
  return { status: 204 };
}

import "server-only";
import { db } from "../db";
import type { ObservationRowDto } from "@/lib/schemas/overview";
import type { ObservationFilter } from "@/lib/schemas/observations";
import { instantRange } from "@/lib/domain/dates";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

/** The caller's organisation's observations matching the filter (dates are inclusive days in its zone). */
export function observationWhere(ctx: MemberContext, f: ObservationFilter): Prisma.ObservationWhereInput {
  return {
    organizationId: ctx.orgId,
    ...(f.team ? { teamId: f.team } : {}),
    ...(f.behaviour ? { behaviourId: f.behaviour } : {}),
    ...(f.from || f.to ? { occurredAt: instantRange(f, ctx.timeZone) } : {}),
  };
}

/** The latest observations matching the filter, newest first. */
export async function listRecentObservations(
  ctx: MemberContext,
  filter: ObservationFilter = {},
  limit = 50,
): Promise<ObservationRowDto[]> {
  const rows = await db().observation.findMany({
    where: observationWhere(ctx, filter),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: {
      id: true,
      occurredAt: true,
      performed: true,
      missed: true,
      note: true,
      anonymous: true,
      behaviour: { select: { title: true } },
      team: { select: { name: true } },
      observer: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    behaviourTitle: r.behaviour.title,
    teamName: r.team.name,
    observerName: r.anonymous ? null : (r.observer?.user.name ?? null),
    performed: r.performed,
    missed: r.missed,
    note: r.note,
  }));
}

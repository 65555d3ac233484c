import "server-only";
import { db } from "../db";
import type { ObservationRowDto } from "@/lib/schemas/overview";
import type { MemberContext } from "./accounts";

/** The organisation's latest observations, newest first. */
export async function listRecentObservations(ctx: MemberContext, limit = 30): Promise<ObservationRowDto[]> {
  const rows = await db().observation.findMany({
    where: { organizationId: ctx.orgId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    select: {
      id: true, occurredAt: true, performed: true, missed: true, note: true, anonymous: true,
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

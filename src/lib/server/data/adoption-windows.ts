import "server-only";
import { db } from "../db";
import type { AdoptionCounts } from "@/lib/domain/adoption";
import type { Window } from "@/lib/domain/interventions";
import { dateOnly } from "@/lib/domain/dates";

export type TeamScope = { in: string[] } | { notIn: string[] } | "all";

/** Performed and missed for some behaviours in some teams over a window of days, from the daily summary. */
export async function adoptionIn(
  orgId: string,
  behaviourIds: string[],
  teams: TeamScope,
  window: Window,
): Promise<AdoptionCounts> {
  if (behaviourIds.length === 0 || (teams !== "all" && "in" in teams && teams.in.length === 0))
    return { performed: 0, missed: 0 };
  const r = await db().observationDaily.aggregate({
    where: {
      organizationId: orgId,
      behaviourId: { in: behaviourIds },
      ...(teams === "all" ? {} : "in" in teams ? { teamId: { in: teams.in } } : { teamId: { notIn: teams.notIn } }),
      day: { gte: dateOnly(window.from), lte: dateOnly(window.to) },
    },
    _sum: { performed: true, missed: true },
  });
  return { performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 };
}

import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { compareAdoption } from "@/lib/domain/adoption-comparison";
import { selectionHiddenBecause } from "@/lib/domain/group-size";
import { dayOf, fromDateOnly } from "@/lib/domain/dates";
import type { InterventionComparisonDto } from "@/lib/schemas/barrier-citations";
import type { MemberContext } from "./accounts";
import { adoptionIn } from "./adoption-windows";
import { groupProtection } from "./group-size";

/** A comparison whose either side is hidden under the minimum group size: no figure of either. */
const HIDDEN = compareAdoption({ performed: 0, missed: 0 }, { performed: 0, missed: 0 });

/**
 * For each intervention against the barrier that has started: adoption of the barrier's behaviours
 * since its start in the teams where it ran against the organisation's other teams over the same
 * days. Observational: the teams chose (or were chosen for) the intervention, not drawn at random.
 */
export async function interventionComparisons(
  ctx: MemberContext,
  barrierId: string,
  now = new Date(),
): Promise<InterventionComparisonDto[]> {
  const barrier = await db().barrier.findFirst({
    where: { id: barrierId, organizationId: ctx.orgId, deletedAt: null },
    select: {
      behaviours: { select: { behaviourId: true } },
      interventions: {
        orderBy: { startDate: "asc" },
        select: { id: true, title: true, startDate: true, teams: { select: { teamId: true } } },
      },
    },
  });
  if (!barrier) throw new NotFoundError();
  const behaviourIds = barrier.behaviours.map((b) => b.behaviourId);
  const today = dayOf(now, ctx.timeZone);
  const started = barrier.interventions.filter((i) => fromDateOnly(i.startDate) <= today && i.teams.length > 0);
  const protection = await groupProtection(ctx);
  const allTeams = protection.teams;
  return Promise.all(
    started.map(async (i) => {
      const window = { from: fromDateOnly(i.startDate), to: today };
      const teamIds = i.teams.map((t) => t.teamId);
      const rest = allTeams.filter((id) => !teamIds.includes(id));
      const withHidden = selectionHiddenBecause(protection, teamIds);
      const withoutHidden = rest.length ? selectionHiddenBecause(protection, rest) : null;
      const suppressed = withHidden ?? withoutHidden;
      const hiddenSide = withHidden ? ("with" as const) : withoutHidden ? ("without" as const) : null;
      const base = { interventionId: i.id, title: i.title, from: window.from, to: window.to, suppressed, hiddenSide };
      if (suppressed) return { ...base, ...HIDDEN };
      const [withIt, without] = await Promise.all([
        adoptionIn(ctx.orgId, behaviourIds, { in: teamIds }, window),
        adoptionIn(ctx.orgId, behaviourIds, { notIn: teamIds }, window),
      ]);
      return { ...base, ...compareAdoption(withIt, without) };
    }),
  );
}

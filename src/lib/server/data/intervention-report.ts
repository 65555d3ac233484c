import "server-only";
import { db } from "../db";
import type { BeforeAfter } from "@/lib/domain/interventions";
import type { SuppressionReason } from "@/lib/domain/group-size";
import { techniqueReport, type TechniqueReport } from "@/lib/domain/technique-report";
import { INTERVENTION_SELECT, interventionEvidence } from "./interventions";
import type { MemberContext } from "./accounts";
import { groupProtection } from "./group-size";

export interface InterventionListItem {
  id: string;
  title: string;
  function: string;
  techniques: string[];
  startDate: string;
  barrier: { id: string; title: string };
  teamNames: string[];
  /** Adoption in its teams before its start and since (null before it starts, or when hidden). */
  result: BeforeAfter | null;
  /** Why its figures are hidden under the minimum group size, or null. */
  suppressed: SuppressionReason | null;
}

export interface InterventionReportDto {
  report: TechniqueReport;
  /** Every intervention of the organisation (of barriers not in the trash), newest start first. */
  interventions: InterventionListItem[];
}

/**
 * Every intervention with its own before/after comparison, and the same counted by technique.
 * Anyone in the organisation may read it, as they may read each intervention.
 */
export async function interventionReport(ctx: MemberContext, now = new Date()): Promise<InterventionReportDto> {
  const rows = await db().intervention.findMany({
    where: { organizationId: ctx.orgId, barrier: { deletedAt: null } },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
    select: {
      ...INTERVENTION_SELECT,
      function: true,
      techniques: true,
      barrier: { select: { id: true, title: true, behaviours: { select: { behaviourId: true } } } },
    },
  });
  const protection = await groupProtection(ctx);
  const interventions = await Promise.all(
    rows.map(async (i): Promise<InterventionListItem> => {
      const evidence = await interventionEvidence(
        ctx.orgId,
        protection,
        i.barrier.behaviours.map((b) => b.behaviourId),
        i,
        now,
        ctx.timeZone,
      );
      return {
        id: i.id,
        title: i.title,
        function: i.function,
        techniques: i.techniques,
        startDate: evidence.startDate,
        barrier: { id: i.barrier.id, title: i.barrier.title },
        teamNames: evidence.teamNames,
        result: evidence.result,
        suppressed: evidence.suppressed ?? null,
      };
    }),
  );
  return { report: techniqueReport(interventions), interventions };
}

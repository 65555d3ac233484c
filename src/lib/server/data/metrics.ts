import "server-only";
import { db } from "../db";
import type { MetricRowDto } from "@/lib/schemas/overview";
import type { MemberContext } from "./accounts";

const TARGET_WORDS = { AT_LEAST: "stay at or above", AT_MOST: "stay at or below", INCREASE_TO: "increase to", DECREASE_TO: "decrease to" } as const;

/** Metrics with their latest organisation-wide reading. */
export async function listMetrics(ctx: MemberContext): Promise<MetricRowDto[]> {
  const rows = await db().metric.findMany({
    where: { organizationId: ctx.orgId, deletedAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true, name: true, unit: true, kind: true, timing: true, direction: true, targetType: true, targetValue: true,
      owner: { select: { user: { select: { name: true } } } },
      readings: { where: { teamId: null }, orderBy: { date: "desc" }, take: 1, select: { date: true, value: true } },
    },
  });
  return rows.map((m) => {
    const latest = m.readings[0];
    return {
      id: m.id, name: m.name, unit: m.unit, kind: m.kind, timing: m.timing, direction: m.direction,
      ownerName: m.owner?.user.name ?? null,
      target: m.targetType && m.targetValue !== null ? `${TARGET_WORDS[m.targetType]} ${m.targetValue} ${m.unit}` : null,
      latest: latest ? { date: latest.date.toISOString().slice(0, 10), value: latest.value } : null,
    };
  });
}

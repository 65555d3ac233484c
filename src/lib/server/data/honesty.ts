import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { honestyFlags } from "@/lib/domain/honesty";
import { daysBefore } from "@/lib/domain/dates";
import type { MemberContext } from "./accounts";

export interface HonestyFlagDto {
  kind: "streak" | "burst";
  observerName: string;
  count: number;
  from: string;
  to: string;
}

const WINDOW_DAYS = 30;
const MAX_ROWS = 50_000;

/** Streaks and bursts in the last 30 days of named single-tap entries. */
export async function listHonestyFlags(ctx: MemberContext, now = new Date()): Promise<HonestyFlagDto[]> {
  await authorize(ctx, "honesty.review");
  const rows = await db().observation.findMany({
    where: {
      organizationId: ctx.orgId,
      observerId: { not: null },
      source: "LOG",
      createdAt: { gte: daysBefore(now, WINDOW_DAYS) },
    },
    orderBy: [{ observerId: "asc" }, { createdAt: "asc" }],
    take: MAX_ROWS,
    select: { observerId: true, createdAt: true, performed: true, missed: true },
  });
  const flags = honestyFlags(
    rows.map((r) => ({
      observerId: r.observerId!,
      at: r.createdAt.getTime(),
      performed: r.performed,
      missed: r.missed,
    })),
  );
  if (flags.length === 0) return [];
  const names = await db().membership.findMany({
    where: { organizationId: ctx.orgId, id: { in: [...new Set(flags.map((f) => f.observerId))] } },
    select: { id: true, user: { select: { name: true } } },
  });
  const nameOf = new Map(names.map((n) => [n.id, n.user.name]));
  return flags
    .map((f) => ({
      kind: f.kind,
      observerName: nameOf.get(f.observerId) ?? "Former member",
      count: f.count,
      from: new Date(f.from).toISOString(),
      to: new Date(f.to).toISOString(),
    }))
    .sort((a, b) => b.to.localeCompare(a.to));
}

import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { Prisma } from "@/generated/prisma/client";
import { BURST_MIN, BURST_WINDOW_MS, STREAK_MIN, burstsFromRuns, type HonestyFlag } from "@/lib/domain/honesty";
import { daysBefore } from "@/lib/domain/dates";
import { formatSpan } from "@/lib/domain/date-instants";
import { can } from "@/lib/domain/roles";
import type { MemberContext } from "./accounts";

export interface HonestyFlagDto {
  kind: "streak" | "burst";
  observerName: string;
  count: number;
  /** Instants, ISO 8601 UTC. */
  from: string;
  to: string;
  /** From first to last entry as the reader sees them, in their zone: "2 Mar, 09:30–09:41". */
  span: string;
}

const WINDOW_DAYS = 30;

interface Row {
  kind: "streak" | "run";
  observerId: string;
  first: bigint | number;
  last: bigint | number;
  count: bigint | number;
  fromAt: Date | string;
  toAt: Date | string;
  at1: Date | string | null;
  at2: Date | string | null;
  at3: Date | string | null;
}

const ms = (v: Date | string | null) => (v === null ? NaN : new Date(v).getTime());

/**
 * The guard over every named single-tap entry of the window, in one statement (issue 15, item 13:
 * reading the rows into memory stopped at 50,000, so later members were never checked). Streaks
 * come back whole; bursts as runs of qualifying windows, which burstsFromRuns turns into the
 * bursts honestyFlags finds. Entries are in time order, ties by id; lead(k) grows with the entry
 * number, so a run's min(lead(k)) is the time of its k-th entry and max(lead(4)) its last one.
 */
async function guardRows(orgId: string, since: Date, among?: readonly string[]): Promise<Row[]> {
  const sinceText = since.toISOString();
  // Some people only (a team's members, issue 18): each observer's runs are their own, so leaving
  // the others out changes nothing in what is found for these.
  const who = among ? Prisma.sql`AND "observerId" IN (${Prisma.join(among)})` : Prisma.empty;
  const window = `${BURST_WINDOW_MS} milliseconds`;
  return db().$queryRaw<Row[]>`
    WITH e AS (
      SELECT "observerId", "createdAt" AS at, ("missed" = 0 AND "performed" > 0) AS good,
             row_number() OVER w AS n,
             lead("createdAt", 1) OVER w AS a1, lead("createdAt", 2) OVER w AS a2,
             lead("createdAt", 3) OVER w AS a3, lead("createdAt", ${BURST_MIN - 1}::int) OVER w AS a4
        FROM "Observation"
       WHERE "organizationId" = ${orgId} AND "observerId" IS NOT NULL AND "source" = 'LOG'
         AND "createdAt" >= ${sinceText}::timestamp(3) ${who}
      WINDOW w AS (PARTITION BY "observerId" ORDER BY "createdAt", "id")
    ), runs AS (
      SELECT *, count(*) FILTER (WHERE NOT good) OVER (PARTITION BY "observerId" ORDER BY n) AS streak,
             n - row_number() OVER (PARTITION BY "observerId", a4 - at <= ${window}::interval ORDER BY n) AS run
        FROM e
    )
    SELECT 'streak' AS kind, "observerId", min(n) AS first, max(n) AS last, count(*) AS count,
           min(at) AS "fromAt", max(at) AS "toAt", NULL::timestamp(3) AS at1, NULL::timestamp(3) AS at2,
           NULL::timestamp(3) AS at3
      FROM runs WHERE good
     GROUP BY "observerId", streak HAVING count(*) >= ${STREAK_MIN}::int
    UNION ALL
    SELECT 'run', "observerId", min(n), max(n), count(*), min(at), max(a4), min(a1), min(a2), min(a3)
      FROM runs WHERE a4 - at <= ${window}::interval
     GROUP BY "observerId", run`;
}

/** Flags in the order honestyFlags gives them: by observer, streaks then bursts, each in time order. */
async function guard(orgId: string, since: Date, among?: readonly string[]): Promise<HonestyFlag[]> {
  const rows = await guardRows(orgId, since, among);
  const byObserver = (a: Row, b: Row) =>
    (a.observerId < b.observerId ? -1 : a.observerId > b.observerId ? 1 : 0) || Number(a.first) - Number(b.first);
  rows.sort(byObserver);
  const streaks = rows
    .filter((r) => r.kind === "streak")
    .map((r): HonestyFlag => ({
      kind: "streak",
      observerId: r.observerId,
      count: Number(r.count),
      from: ms(r.fromAt),
      to: ms(r.toAt),
    }));
  const bursts = burstsFromRuns(
    rows
      .filter((r) => r.kind === "run")
      .map((r) => ({
        observerId: r.observerId,
        first: Number(r.first),
        last: Number(r.last),
        startAt: [ms(r.fromAt), ms(r.at1), ms(r.at2), ms(r.at3)],
        endAt: ms(r.toAt),
      })),
  );
  const order = new Map([...new Set(rows.map((r) => r.observerId))].map((id, i) => [id, i]));
  // A stable sort keeps streaks before bursts and each in time order.
  return [...streaks, ...bursts].sort((a, b) => order.get(a.observerId)! - order.get(b.observerId)!);
}

/**
 * Streaks and bursts in the last 30 days of named single-tap entries (30 calendar days on the
 * organisation's clock), each shown in the reader's zone (theirs, else the organisation's).
 */
export async function listHonestyFlags(ctx: MemberContext, now = new Date()): Promise<HonestyFlagDto[]> {
  await authorize(ctx, "honesty.review");
  const flags = await guard(ctx.orgId, daysBefore(now, WINDOW_DAYS, ctx.timeZone));
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
      span: formatSpan(f.from, f.to, ctx.displayTimeZone),
    }))
    .sort((a, b) => b.to.localeCompare(a.to));
}

/** The guard's signals among some people (a team's members): counts for anyone, names for reviewers. */
export interface HonestySignalsDto {
  streaks: number;
  bursts: number;
  /** The flags with names, only for those who may review the guard (names are shown); else null. */
  flags: HonestyFlagDto[] | null;
  windowDays: number;
}

/**
 * The guard's signals among `observerIds` (issue 18 §3: shown next to participation, so a team that
 * meets its quota with streaks or bursts is seen as such). Any member sees the counts; only those
 * who may review the guard see who.
 */
export async function honestySignalsAmong(
  ctx: MemberContext,
  observerIds: readonly string[],
  now = new Date(),
): Promise<HonestySignalsDto> {
  const among = new Set(observerIds);
  const mine = among.size ? await guard(ctx.orgId, daysBefore(now, WINDOW_DAYS, ctx.timeZone), [...among]) : [];
  const counts = {
    streaks: mine.filter((f) => f.kind === "streak").length,
    bursts: mine.filter((f) => f.kind === "burst").length,
    windowDays: WINDOW_DAYS,
  };
  if (!can(ctx.role, "honesty.review", ctx.policy)) return { ...counts, flags: null };
  if (mine.length === 0) return { ...counts, flags: [] };
  const names = await db().membership.findMany({
    where: { organizationId: ctx.orgId, id: { in: [...new Set(mine.map((f) => f.observerId))] } },
    select: { id: true, user: { select: { name: true } } },
  });
  const nameOf = new Map(names.map((n) => [n.id, n.user.name]));
  return {
    ...counts,
    flags: mine
      .map((f) => ({
        kind: f.kind,
        observerName: nameOf.get(f.observerId) ?? "Former member",
        count: f.count,
        from: new Date(f.from).toISOString(),
        to: new Date(f.to).toISOString(),
        span: formatSpan(f.from, f.to, ctx.displayTimeZone),
      }))
      .sort((a, b) => b.to.localeCompare(a.to)),
  };
}

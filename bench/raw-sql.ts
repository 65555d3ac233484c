// The reference the overview dashboard is measured against: the same numbers computed straight
// from the raw observations with one SQL aggregate, and a check that both agree. Also the
// full-scale plan check of the statements a dashboard ran (no sequential scan of Observation).
import type { SqlRunner } from "@/lib/server/database";
import { periodRange } from "@/lib/server/data/dashboards";
import type { OverviewDto, Period } from "@/lib/schemas/dashboards";
import type { QueryEvent } from "@/lib/server/query-log";
import {
  explainQueries,
  planSummary,
  tenantCatalog,
  tenantScanProblems,
  type ExplainedQuery,
} from "@/lib/server/query-plans";

export interface Counts {
  performed: number;
  opportunities: number;
}

export interface RawOverview {
  from: string;
  to: string;
  /** Monday → counts, weeks with observations only. */
  weeks: Record<string, Counts>;
  /** `${teamId}:${behaviourId}` → counts, as the heatmap keys them. */
  cells: Record<string, Counts>;
  ms: number;
}

// What organisationOverview shows with no filter: active organisation behaviours (not variants, not
// deleted) × the organisation's teams (not value streams), per ISO week and per team × behaviour,
// from the period's first Monday to today (UTC days, as the daily summary keys them).
const OVERVIEW_SQL = `
SELECT to_char(date_trunc('week', o."occurredAt"), 'YYYY-MM-DD') AS week,
       o."teamId" AS team, o."behaviourId" AS behaviour,
       GROUPING(o."teamId", o."behaviourId") AS by_week,
       sum(o."performed")::bigint AS performed, sum(o."performed" + o."missed")::bigint AS opportunities
  FROM "Observation" o
  JOIN "Behaviour" b ON b."id" = o."behaviourId"
  JOIN "Team" t ON t."id" = o."teamId"
 WHERE o."organizationId" = $1 AND o."occurredAt" >= $2::date AND o."occurredAt" < $3::date + 1
   AND b."organizationId" = $1 AND b."status" = 'ACTIVE' AND b."deletedAt" IS NULL AND b."parentId" IS NULL
   AND t."organizationId" = $1 AND t."kind" = 'TEAM'
 GROUP BY GROUPING SETS ((date_trunc('week', o."occurredAt")), (o."teamId", o."behaviourId"))`;

/** The overview's trend and heatmap for `orgId`, from the raw Observation table, with the elapsed time. */
export async function rawOverview(
  sql: SqlRunner,
  orgId: string,
  opts: { period?: Period; now?: Date } = {},
): Promise<RawOverview> {
  const { from, to } = periodRange(opts.period ?? "12w", opts.now ?? new Date());
  const start = performance.now();
  const rows = await sql.query<{
    week: string | null;
    team: string | null;
    behaviour: string | null;
    by_week: number;
    performed: unknown;
    opportunities: unknown;
  }>(OVERVIEW_SQL, [orgId, from, to]);
  const ms = performance.now() - start;
  const weeks: Record<string, Counts> = {};
  const cells: Record<string, Counts> = {};
  for (const r of rows) {
    const counts = { performed: Number(r.performed), opportunities: Number(r.opportunities) };
    if (Number(r.by_week) === 3) weeks[r.week!] = counts;
    else cells[`${r.team}:${r.behaviour}`] = counts;
  }
  return { from, to, weeks, cells, ms };
}

/** Differences between the raw numbers and the dashboard's, as readable lines; empty when they agree. */
export function compareWithOverview(raw: RawOverview, overview: Pick<OverviewDto, "trend" | "heatmap">): string[] {
  const problems: string[] = [];
  const same = (a: Counts | undefined, b: Counts | undefined) =>
    (a?.performed ?? 0) === (b?.performed ?? 0) && (a?.opportunities ?? 0) === (b?.opportunities ?? 0);
  const show = (c: Counts | undefined) => `${c?.performed ?? 0}/${c?.opportunities ?? 0}`;
  const trend = new Map(
    overview.trend.map((p) => [p.weekStart, { performed: p.performed, opportunities: p.opportunities }]),
  );
  for (const week of new Set([...trend.keys(), ...Object.keys(raw.weeks)])) {
    if (!trend.has(week))
      problems.push(`week ${week}: raw SQL has ${show(raw.weeks[week])}, the dashboard has no such week`);
    else if (!same(trend.get(week), raw.weeks[week]))
      problems.push(`week ${week}: dashboard ${show(trend.get(week))}, raw SQL ${show(raw.weeks[week])}`);
  }
  const cells = overview.heatmap.cells;
  for (const key of new Set([...Object.keys(cells), ...Object.keys(raw.cells)])) {
    if (!same(cells[key], raw.cells[key]))
      problems.push(`cell ${key}: dashboard ${show(cells[key])}, raw SQL ${show(raw.cells[key])}`);
  }
  return problems;
}

export interface PlanReport {
  explained: ExplainedQuery[];
  /** Statements whose plan scans Observation sequentially, with a one-line plan. */
  seqScans: { sql: string; plan: string }[];
  /**
   * Scans of tenant tables the planner chose at full scale that are not bounded by the organisation
   * (rules a and b of tenantScanProblems; reported: at scale a sequential scan of a small table can be right).
   */
  tenantScans: { sql: string; plan: string; problem: string }[];
}

/**
 * EXPLAIN (FORMAT JSON) of the captured dashboard statements at full scale, with the planner's own
 * choices (sequential scans allowed), reporting any sequential scan of Observation. `analyze` runs
 * them too and reports each statement's execution time.
 */
export async function explainDashboardQueries(
  sql: SqlRunner,
  queries: Pick<QueryEvent, "sql" | "args" | "argTypes">[],
  opts: { analyze?: boolean } = {},
): Promise<PlanReport> {
  const explained = await explainQueries(sql, queries, { analyze: opts.analyze });
  const catalog = await tenantCatalog(sql);
  return {
    explained,
    seqScans: explained.filter((e) => e.seqScans.length > 0).map((e) => ({ sql: e.sql, plan: planSummary(e.plan) })),
    tenantScans: explained.flatMap((e) =>
      tenantScanProblems(e.plan, catalog)
        .filter((p) => p.rule !== "c")
        .map((p) => ({
          sql: e.sql,
          plan: planSummary(e.plan),
          problem: `${p.table}${p.index ? ` via ${p.index}` : ""}: ${p.node}, ${p.reason}`,
        })),
    ),
  };
}

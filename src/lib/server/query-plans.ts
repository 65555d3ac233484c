import "server-only";
import type { ArgType } from "@prisma/driver-adapter-utils";
import type { SqlRunner } from "./database";
import type { QueryEvent } from "./query-log";

// Query plans of captured statements, for the test that no dashboard statement scans the raw
// observations (tests/integration/dashboard-plans.test.ts) and for the bench's check at full scale.

/** A node of `EXPLAIN (FORMAT JSON)` output; only the fields read here are typed. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Total Cost"?: number;
  "Actual Total Time"?: number;
  Plans?: PlanNode[];
  [field: string]: unknown;
}

/** Every node of a plan, depth first (sub-plans, init plans and CTEs are all under "Plans"). */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** Sequential scans (parallel ones included) of `relation`, e.g. "Observation". */
export function seqScansOn(plan: PlanNode, relation: string): PlanNode[] {
  return planNodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === relation);
}

/** A one-line summary of a plan: node types with their relation or index, e.g. "Aggregate > Index Scan(ObservationDaily_pkey)". */
export function planSummary(plan: PlanNode): string {
  const label = (n: PlanNode) =>
    `${n["Node Type"]}${n["Index Name"] ? `(${n["Index Name"]})` : n["Relation Name"] ? `(${n["Relation Name"]})` : ""}`;
  const walk = (n: PlanNode): string =>
    n.Plans?.length ? `${label(n)} > [${n.Plans.map(walk).join(", ")}]` : label(n);
  return walk(plan);
}

/**
 * The parameters of a captured statement as the PostgreSQL driver sends them (the same mapping as
 * @prisma/adapter-pg: Prisma hands dates over as ISO strings, bytes as base64).
 */
export function replayParams(q: { args: unknown[]; argTypes: ArgType[] }): unknown[] {
  const pad = (n: number, z = 2) => String(n).padStart(z, "0");
  const map = (arg: unknown, type: ArgType | undefined): unknown => {
    if (arg === null || arg === undefined) return null;
    if (Array.isArray(arg) && type?.arity === "list") return arg.map((v) => map(v, type));
    if (typeof arg === "string" && type?.scalarType === "datetime") arg = new Date(arg);
    if (arg instanceof Date) {
      const day = `${pad(arg.getUTCFullYear(), 4)}-${pad(arg.getUTCMonth() + 1)}-${pad(arg.getUTCDate())}`;
      const time = `${pad(arg.getUTCHours())}:${pad(arg.getUTCMinutes())}:${pad(arg.getUTCSeconds())}.${pad(arg.getUTCMilliseconds(), 3)}`;
      return type?.dbType === "DATE"
        ? day
        : type?.dbType === "TIME" || type?.dbType === "TIMETZ"
          ? time
          : `${day} ${time}`;
    }
    if (typeof arg === "string" && type?.scalarType === "bytes") return Buffer.from(arg, "base64");
    return arg;
  };
  return q.args.map((a, i) => map(a, q.argTypes[i]));
}

export interface ExplainedQuery {
  sql: string;
  params: unknown[];
  plan: PlanNode;
  seqScans: PlanNode[];
  /** With `analyze`: the execution time PostgreSQL reports. */
  executionMs?: number;
}

export interface ExplainOptions {
  /** The table that must not be scanned sequentially (default "Observation"). */
  relation?: string;
  /**
   * `SET LOCAL enable_seqscan = off` first: on a small test database a sequential scan is often the
   * cheapest plan, so this asks whether an index *can* serve the statement. Off at full scale.
   */
  disableSeqScan?: boolean;
  /**
   * Also `SET LOCAL enable_hashjoin = off, enable_mergejoin = off`: on a tiny database a join reads
   * its inner table whole (every organisation's rows) because that is cheapest; with nested loops
   * the question becomes whether each table *can* be reached by a key or the organisation.
   */
  nestedLoops?: boolean;
  /** EXPLAIN ANALYZE: runs each statement (reads only). */
  analyze?: boolean;
}

/**
 * A statement that only reads: a SELECT, or a WITH … SELECT whose parts change nothing (a data-modifying CTE is a
 * write, and EXPLAIN ANALYZE would run it).
 */
export const isRead = (sql: string) =>
  /^\s*SELECT\b/i.test(sql) || (/^\s*WITH\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(sql));

/** EXPLAIN (FORMAT JSON) of each distinct captured SELECT, in one transaction; other statements are skipped. */
export async function explainQueries(
  sql: SqlRunner,
  queries: Pick<QueryEvent, "sql" | "args" | "argTypes">[],
  options: ExplainOptions = {},
): Promise<ExplainedQuery[]> {
  const relation = options.relation ?? "Observation";
  const distinct = new Map<string, { sql: string; params: unknown[] }>();
  for (const q of queries) {
    if (!isRead(q.sql)) continue;
    const params = replayParams(q);
    distinct.set(`${q.sql}\u0000${JSON.stringify(params, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`, {
      sql: q.sql,
      params,
    });
  }
  const explain = `EXPLAIN (${options.analyze ? "ANALYZE, " : ""}FORMAT JSON) `;
  return sql.transaction(async (tx) => {
    if (options.disableSeqScan) await tx.exec("SET LOCAL enable_seqscan = off");
    if (options.nestedLoops) await tx.exec("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
    const out: ExplainedQuery[] = [];
    for (const q of distinct.values()) {
      const [row] = await tx.query<Record<string, unknown>>(explain + q.sql, q.params);
      const raw = row?.["QUERY PLAN"];
      const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode; "Execution Time"?: number }[];
      const top = doc[0];
      if (!top) throw new Error(`EXPLAIN returned no plan for: ${q.sql.slice(0, 200)}`);
      out.push({
        sql: q.sql,
        params: q.params,
        plan: top.Plan,
        seqScans: seqScansOn(top.Plan, relation),
        executionMs: top["Execution Time"],
      });
    }
    return out;
  });
}

// ---------------------------------------------------------------- tenant bounds (issue 19)

/**
 * The tenant tables (every table with an organizationId column) and their indexes, read from the
 * database catalog so that a new table or index is covered without a list to keep.
 */
export interface TenantCatalog {
  tables: Set<string>;
  /** Index name → its table and whether organizationId is one of its key columns. */
  indexes: Map<string, { table: string; hasOrganizationId: boolean }>;
  /** The tenant tables that have at least one index with organizationId as a column. */
  organisationIndexed: Set<string>;
}

export async function tenantCatalog(sql: SqlRunner): Promise<TenantCatalog> {
  const tables = await sql.query<{ table: string }>(
    `SELECT c.relname AS "table" FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attname = 'organizationId' AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
        AND n.nspname = current_schema()`,
  );
  const indexes = await sql.query<{ index: string; table: string; has: boolean }>(
    `SELECT i.relname AS "index", t.relname AS "table",
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'organizationId'
                       AND a.attnum = ANY (x.indkey::int2[])) AS "has"
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema()`,
  );
  const set = new Set(tables.map((t) => t.table));
  const tenant = indexes.filter((i) => set.has(i.table));
  return {
    tables: set,
    indexes: new Map(tenant.map((i) => [i.index, { table: i.table, hasOrganizationId: i.has }])),
    organisationIndexed: new Set(tenant.filter((i) => i.has).map((i) => i.table)),
  };
}

export interface TenantScanProblem {
  /** Which of the rules of tenantScanProblems: a, b or c. */
  rule: "a" | "b" | "c";
  table: string;
  index?: string;
  node: string;
  reason: string;
  /** Rule c: the walk feeds a grouped subquery (counted over every organisation's rows, then joined). */
  aggregated?: boolean;
}

const INDEX_SCANS = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);

/**
 * Where a plan could read other organisations' rows of a tenant table: (a) a sequential scan of it;
 * (b) an index scan through an index that has organizationId as a column but whose condition does
 * not name organizationId (a full index scan, or a skip over its leading column: it walks every
 * organisation's entries, so it grows with the deployment, not the tenant); (c) on a tenant table
 * with no index on organizationId at all, an index scan without any condition (it reads every
 * organisation's rows: such a table can only be read through a key of its parent). Elsewhere an
 * index without organizationId (a primary key, a parent's id) is bounded by that key, whose rows
 * belong to one organisation; a full walk of it on a table that does have an organisation index
 * (a merge join's input on a tiny test database, where sequential scans are disabled) is left to
 * the planner at scale, which has the bounded path.
 */
export function tenantScanProblems(plan: PlanNode, catalog: TenantCatalog): TenantScanProblem[] {
  const problems: TenantScanProblem[] = [];
  // Each node with whether it feeds a grouped subquery (a Subquery Scan over an Aggregate): there a
  // walk is Prisma's relation `_count`, counting every organisation's rows before the join, which
  // no join key can bound at any scale. A walk under a top-level aggregate is a join order the
  // planner chose on a tiny table, like the others.
  const walk = (n: PlanNode, sub: boolean, aggregated: boolean): [PlanNode, boolean][] => [
    [n, aggregated],
    ...(n.Plans ?? []).flatMap((c) =>
      walk(c, sub || n["Node Type"] === "Subquery Scan", aggregated || (sub && n["Node Type"] === "Aggregate")),
    ),
  ];
  for (const [n, aggregated] of walk(plan, false, false)) {
    const type = n["Node Type"];
    if (type === "Seq Scan" && n["Relation Name"] && catalog.tables.has(n["Relation Name"])) {
      problems.push({ rule: "a", table: n["Relation Name"], node: type, reason: "sequential scan" });
      continue;
    }
    if (!INDEX_SCANS.has(type) || !n["Index Name"]) continue;
    const index = catalog.indexes.get(n["Index Name"]);
    if (!index) continue;
    const cond = typeof n["Index Cond"] === "string" ? n["Index Cond"] : "";
    if (!cond && !catalog.organisationIndexed.has(index.table))
      problems.push({
        rule: "c",
        table: index.table,
        index: n["Index Name"],
        node: type,
        reason: "a walk of the whole index of a table with no index on organizationId",
        aggregated,
      });
    else if (index.hasOrganizationId && !cond.includes('"organizationId"'))
      problems.push({
        rule: "b",
        table: index.table,
        index: n["Index Name"],
        node: type,
        reason: cond ? `not bounded by organizationId (${cond})` : "a walk of the whole index",
      });
  }
  return problems;
}

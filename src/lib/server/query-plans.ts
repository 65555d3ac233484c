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
  /** EXPLAIN ANALYZE: runs each statement (reads only). */
  analyze?: boolean;
}

const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql);

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

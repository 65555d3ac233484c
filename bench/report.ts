// bench/results.json and the targets of issues 8 and 19, as pure functions of the measurements (unit-tested
// in tests/unit/bench-report.test.ts).
import { formatVideoTest, type VideoTestBench } from "./video-test";
import type { OneReport } from "./run-one";
import type { CpuUse } from "./procfs";
import type { ExportsReport } from "./exports";
import { percentile, round } from "./stats";

export interface DatabaseResults {
  log_rps: number;
  log_p50_ms: number;
  log_p95_ms: number;
  log_p99_ms: number;
  log_errors: number;
  health_rps: number;
  log_over_health: number;
  overview_p50_ms: number;
  overview_p95_ms: number;
  raw_sql_ms: number;
  overview_over_raw_sql: number;
  team_p95_ms: number;
  /** The slowest statement the server ran with nothing else running (so not waiting for the connection). */
  slowest_query_ms: number;
  slow_queries: number;
  /** The slowest statement including the time it queued behind others (PGlite runs one at a time). */
  slowest_queued_query_ms: number;
  slowest_dashboard_statement_ms: number;
  /** Opening the database when the server starts (before it serves any request). */
  startup_first_query_ms: number;
  seq_scans_of_observations: number;
  dashboard_matches_raw_sql: boolean;
  rss_mb: number;
  /** Cores each part used during the logging load: web processes, PostgreSQL, nginx, the load generator. */
  cpu_log: CpuUse;
  /** PostgreSQL only: the most connections the app's processes held to the database. */
  pg_connections_peak?: number;
  /** The observation CSV and the backup of the large organisation, with light requests meanwhile (bench/exports.ts). */
  exports?: ExportsReport;
}

/**
 * The dashboards of the same organisation shape at 1M and at 5M of its own observations (bench/growth.ts):
 * each pair is [1M, 5M]; growth is the 5M median over the 1M median, less one, in per cent.
 */
export interface GrowthResults {
  org_observations: [number, number];
  overview_p50_ms: [number, number];
  overview_p95_ms: [number, number];
  team_p50_ms: [number, number];
  team_p95_ms: [number, number];
  raw_sql_ms: [number, number];
  overview_over_raw_sql: [number, number];
  overview_growth_pct: number;
  team_growth_pct: number;
}

/** The logging load on the embedded database with durable commits off and on (docs/decisions/017). */
export interface FsyncResults {
  off: FsyncFigures;
  on: FsyncFigures;
  /** How much fewer requests per second "on" serves than "off", in per cent. */
  rps_cost_pct: number;
  /** How much longer the 95th-percentile response takes with "on" than "off", in per cent. */
  p95_cost_pct: number;
}

/** The mean over the runs of one setting. */
export interface FsyncFigures {
  runs: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
}

export interface Results {
  date: string;
  machine: { cores: number; memory_gb: number; cpu: string; node: string };
  cores: number;
  memory_gb: number;
  observations: number;
  embedded?: DatabaseResults;
  /** One process behind nginx (issue 19). */
  postgres?: DatabaseResults;
  /** Two processes of the same build behind nginx, round-robin, on the same database. */
  postgres_2proc?: DatabaseResults;
  /** The most PostgreSQL connections the app held in any of its runs (pool size × processes bounds it). */
  pg_connections_peak?: number;
  overview_growth_1m_5m?: GrowthResults;
  embedded_fsync?: FsyncResults;
  js_gzip_kb?: Record<string, number>;
  /** What the framework loads on every page before the app's own code (gzip kB). */
  js_framework_floor_kb?: number;
  charts_loaded_on?: string[];
  lighthouse?: Record<string, { performance: number; accessibility: number }>;
  /** The automatic video test on a 1,000-character behaviour (bench/video-test.ts). */
  video_test?: VideoTestBench;
  targets: Target[];
}

export interface Target {
  name: string;
  measured: string;
  goal: string;
  met: boolean;
}

export function databaseResults(r: OneReport): DatabaseResults {
  const rawMs = percentile(r.raw_sql_ms, 50);
  const overviewP50 = percentile(r.overview_ms, 50);
  const alone = r.slow_queries.filter((q) => q.concurrent === 0);
  return {
    log_rps: round(r.log.rps),
    log_p50_ms: round(r.log.p50),
    log_p95_ms: round(r.log.p95),
    log_p99_ms: round(r.log.p99),
    log_errors: r.log.errors,
    health_rps: round(r.health.rps),
    log_over_health: round(r.log.rps / r.health.rps, 3),
    overview_p50_ms: round(overviewP50),
    overview_p95_ms: round(percentile(r.overview_ms, 95)),
    raw_sql_ms: round(rawMs),
    overview_over_raw_sql: round(overviewP50 / rawMs, 3),
    team_p95_ms: round(percentile(r.team_ms, 95)),
    slowest_query_ms: round(Math.max(0, ...alone.map((q) => q.ms))),
    slow_queries: alone.length,
    slowest_queued_query_ms: round(Math.max(0, ...r.slow_queries.map((q) => q.ms))),
    slowest_dashboard_statement_ms: round(r.slowest_dashboard_statement_ms),
    startup_first_query_ms: round(Math.max(0, ...(r.startup_queries ?? []).map((q) => q.ms))),
    seq_scans_of_observations: r.seq_scans.length,
    dashboard_matches_raw_sql: r.raw_sql_matches_dashboard.length === 0,
    rss_mb: Math.round(r.rss_mb),
    cpu_log: r.cpu_log,
    ...(r.pg_connections_peak !== undefined ? { pg_connections_peak: r.pg_connections_peak } : {}),
    ...(r.exports ? { exports: r.exports } : {}),
  };
}

/** The two-process run in the same fields: its own load figures, the database's plans and reference shared. */
export function twoProcessResults(r: OneReport): DatabaseResults | undefined {
  if (!r.two_processes) return undefined;
  return databaseResults({ ...r, ...r.two_processes, startup_queries: [], exports: undefined });
}

/** The growth from the main data set's large organisation (its share of it) to the one holding every observation. */
export function growthResults(r: OneReport, largeShare: number): GrowthResults | undefined {
  const alone = r.large_org_alone;
  if (!alone) return undefined;
  const p50 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  const p95 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      95,
    );
  const pair = (a: number, b: number): [number, number] => [round(a), round(b)];
  const growth = (before: number, after: number) => round((after / before - 1) * 100);
  return {
    org_observations: [Math.round(r.observations * largeShare), alone.observations],
    overview_p50_ms: pair(p50(r.overview_ms), p50(alone.overview_ms)),
    overview_p95_ms: pair(p95(r.overview_ms), p95(alone.overview_ms)),
    team_p50_ms: pair(p50(r.team_ms), p50(alone.team_ms)),
    team_p95_ms: pair(p95(r.team_ms), p95(alone.team_ms)),
    raw_sql_ms: pair(p50(r.raw_sql_ms), p50(alone.raw_sql_ms)),
    overview_over_raw_sql: [
      round(p50(r.overview_ms) / p50(r.raw_sql_ms), 3),
      round(p50(alone.overview_ms) / p50(alone.raw_sql_ms), 3),
    ],
    overview_growth_pct: growth(p50(r.overview_ms), p50(alone.overview_ms)),
    team_growth_pct: growth(p50(r.team_ms), p50(alone.team_ms)),
  };
}

export function fsyncResults(r: OneReport): FsyncResults | undefined {
  if (!r.log_fsync?.on.length || !r.log_fsync.off.length) return undefined;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const figures = (runs: NonNullable<OneReport["log_fsync"]>["on"]): FsyncFigures => ({
    runs: runs.length,
    rps: round(mean(runs.map((x) => x.rps))),
    p50_ms: round(mean(runs.map((x) => x.p50))),
    p95_ms: round(mean(runs.map((x) => x.p95))),
    p99_ms: round(mean(runs.map((x) => x.p99))),
    errors: runs.reduce((n, x) => n + x.errors, 0),
  });
  const off = figures(r.log_fsync.off);
  const on = figures(r.log_fsync.on);
  return {
    off,
    on,
    rps_cost_pct: round((1 - on.rps / off.rps) * 100),
    p95_cost_pct: round((on.p95_ms / off.p95_ms - 1) * 100),
  };
}

const target = (name: string, measured: number | string, goal: string, met: boolean): Target => ({
  name,
  measured: String(measured),
  goal,
  met,
});

/** The targets of issues 8 and 19 that the given results can speak to. */
export function evaluateTargets(r: Omit<Results, "targets">): Target[] {
  const out: Target[] = [];
  const pg = r.postgres;
  const two = r.postgres_2proc;
  const em = r.embedded;
  const ofHealth = (d: DatabaseResults) => `; ${d.log_over_health} of the health route's ${d.health_rps}`;
  if (pg) {
    const name = "PostgreSQL, 1 process behind nginx";
    out.push(target(`${name}: logging requests/s${ofHealth(pg)}`, pg.log_rps, "≥ 230", pg.log_rps >= 230));
    out.push(target(`${name}: logging p95 ms`, pg.log_p95_ms, "< 100", pg.log_p95_ms < 100));
    out.push(target(`${name}: logging errors`, pg.log_errors, "0", pg.log_errors === 0));
    out.push(target(`${name}: overview p95 ms`, pg.overview_p95_ms, "< 300", pg.overview_p95_ms < 300));
  }
  if (two) {
    const name = "PostgreSQL, 2 processes behind nginx";
    out.push(target(`${name}: logging requests/s${ofHealth(two)}`, two.log_rps, "≥ 300", two.log_rps >= 300));
    out.push(target(`${name}: logging p95 ms`, two.log_p95_ms, "< 100", two.log_p95_ms < 100));
    out.push(target(`${name}: logging errors`, two.log_errors, "0", two.log_errors === 0));
  }
  const g = r.overview_growth_1m_5m;
  if (g) {
    const at = `organisation of ${g.org_observations[1].toLocaleString("en")} observations`;
    out.push(target(`PostgreSQL: overview p95 ms, ${at}`, g.overview_p95_ms[1], "< 300", g.overview_p95_ms[1] < 300));
    out.push(
      target(
        `PostgreSQL: overview growth from ${g.org_observations[0].toLocaleString("en")} to ${g.org_observations[1].toLocaleString("en")} observations, % (median)`,
        g.overview_growth_pct,
        "≤ 10",
        g.overview_growth_pct <= 10,
      ),
    );
    out.push(
      target(
        `PostgreSQL: overview ÷ raw SQL, ${at}`,
        g.overview_over_raw_sql[1],
        "≤ 0.2",
        g.overview_over_raw_sql[1] <= 0.2,
      ),
    );
  }
  if (em) {
    out.push(target(`Embedded: logging requests/s${ofHealth(em)}`, em.log_rps, "≥ 120", em.log_rps >= 120));
    out.push(target("Embedded: logging errors", em.log_errors, "0", em.log_errors === 0));
    out.push(target("Embedded: server RSS MB", em.rss_mb, "≤ 1536", em.rss_mb <= 1536));
  }
  const fs = r.embedded_fsync;
  if (fs)
    out.push(
      target("Embedded: logging requests/s with durable commits (fsync on)", fs.on.rps, "≥ 100", fs.on.rps >= 100),
    );
  for (const [name, d] of [
    ["PostgreSQL", pg],
    ["Embedded", em],
  ] as const) {
    if (!d) continue;
    out.push(target(`${name}: slowest query on a request path ms`, d.slowest_query_ms, "≤ 250", d.slow_queries === 0));
    out.push(
      target(
        `${name}: slowest dashboard statement at full scale ms`,
        d.slowest_dashboard_statement_ms,
        "≤ 250",
        d.slowest_dashboard_statement_ms <= 250,
      ),
    );
    out.push(
      target(
        `${name}: sequential scans of Observation by dashboards`,
        d.seq_scans_of_observations,
        "0",
        d.seq_scans_of_observations === 0,
      ),
    );
    // Issue 19 asks ≤ 0.2 of PostgreSQL; the embedded database keeps issue 8's < 1.
    const [goal, met] =
      name === "PostgreSQL" ? ["≤ 0.2", d.overview_over_raw_sql <= 0.2] : ["< 1", d.overview_over_raw_sql < 1];
    out.push(target(`${name}: dashboard ÷ raw SQL`, d.overview_over_raw_sql, goal, met));
    out.push(
      target(
        `${name}: dashboard figures equal the raw SQL`,
        d.dashboard_matches_raw_sql ? "yes" : "no",
        "yes",
        d.dashboard_matches_raw_sql,
      ),
    );
  }
  const floor = r.js_framework_floor_kb;
  if (r.js_gzip_kb?.log !== undefined && floor !== undefined) {
    const over = round(r.js_gzip_kb.log - floor);
    out.push(
      target(
        `Log page JavaScript kB gzip above the framework's own ${round(floor)} (the page loads ${r.js_gzip_kb.log})`,
        over,
        "≤ 10",
        over <= 10,
      ),
    );
  }
  // Log and Catalogue draw no chart; the overview draws its trend as plain SVG (recharts only on the pages that need it).
  if (r.charts_loaded_on)
    out.push(
      target(
        "Chart library loaded only by pages that draw with it",
        r.charts_loaded_on.join(", ") || "none of the three",
        "not Log or Catalogue",
        !r.charts_loaded_on.some((p) => p === "log" || p === "catalogue"),
      ),
    );
  if (r.video_test)
    out.push(
      target(
        `Video test ms per run on a ${r.video_test.chars}-character behaviour (median; p95 ${r.video_test.p95_ms})`,
        r.video_test.p50_ms,
        "< 5",
        r.video_test.p50_ms < 5,
      ),
    );
  for (const [page, s] of Object.entries(r.lighthouse ?? {})) {
    out.push(target(`Lighthouse ${page}: performance`, s.performance, "≥ 90", s.performance >= 90));
    out.push(target(`Lighthouse ${page}: accessibility`, s.accessibility, "100", s.accessibility === 100));
  }
  return out;
}

/** The table the bench prints. */
export function formatTable(r: Results): string {
  const columns = [
    ["embedded", r.embedded],
    ["postgres", r.postgres],
    ["postgres_2proc", r.postgres_2proc],
  ] as const;
  const rows: string[][] = [["", ...columns.map(([name]) => name)]];
  // Objects (the CPU, the exports) are printed on lines of their own below.
  const keys = (Object.keys(r.postgres ?? r.embedded ?? {}) as (keyof DatabaseResults)[]).filter(
    (k) => typeof (r.postgres ?? r.embedded)?.[k] !== "object",
  );
  for (const k of keys) rows.push([k, ...columns.map(([, d]) => String(d?.[k] ?? "—"))]);
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join("  ");
  const out = [
    `Conduct bench, ${r.date}: ${r.observations.toLocaleString("en")} observations; ${r.machine.cores} cores, ${r.machine.memory_gb} GB (${r.machine.cpu}), Node ${r.machine.node}`,
    "",
    ...rows.map(line),
    "",
  ];
  for (const [name, d] of columns)
    if (d?.cpu_log)
      out.push(
        `CPU during ${name} logging (cores of ${r.cores}): ${Object.entries(d.cpu_log.cores)
          .map(([part, c]) => `${part} ${c}`)
          .join(", ")}; the machine ${d.cpu_log.machine_busy_cores} busy`,
      );
  if (r.pg_connections_peak !== undefined)
    out.push(
      `PostgreSQL connections at peak: ${r.pg_connections_peak} (1 process ${r.postgres?.pg_connections_peak ?? "—"}, 2 processes ${r.postgres_2proc?.pg_connections_peak ?? "—"})`,
    );
  const g = r.overview_growth_1m_5m;
  if (g)
    out.push(
      `Growth from ${g.org_observations[0].toLocaleString("en")} to ${g.org_observations[1].toLocaleString("en")} observations in the organisation: overview p50 ${g.overview_p50_ms.join(" → ")} ms (${g.overview_growth_pct}%), p95 ${g.overview_p95_ms.join(" → ")}; team view p50 ${g.team_p50_ms.join(" → ")} ms (${g.team_growth_pct}%); raw SQL ${g.raw_sql_ms.join(" → ")} ms`,
      "",
    );
  if (r.js_framework_floor_kb !== undefined)
    out.push(`JavaScript the framework loads on every page: ${r.js_framework_floor_kb} kB gzip`);
  for (const [page, kb] of Object.entries(r.js_gzip_kb ?? {}))
    out.push(
      `JavaScript ${page}: ${kb} kB gzip${r.lighthouse?.[page] ? `; Lighthouse mobile performance ${r.lighthouse[page]!.performance}, accessibility ${r.lighthouse[page]!.accessibility}` : ""}`,
    );
  const fs = r.embedded_fsync;
  if (fs) {
    const one = (name: string, f: FsyncFigures) =>
      `${name} ${f.rps} req/s, p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms, p99 ${f.p99_ms} ms (${f.runs} runs, ${f.errors} errors)`;
    out.push(
      "",
      `Embedded logging, fsync: ${one("off", fs.off)}; ${one("on", fs.on)}; on costs ${fs.rps_cost_pct}% of the throughput and ${fs.p95_cost_pct}% on p95`,
    );
  }
  if (r.video_test) out.push("", formatVideoTest(r.video_test));
  out.push("", "Targets:");
  for (const t of r.targets) out.push(`  ${t.met ? "met " : "MISS"}  ${t.name}: ${t.measured} (target ${t.goal})`);
  return out.join("\n");
}

import { describe, expect, it } from "vitest";
import {
  databaseResults,
  evaluateTargets,
  formatTable,
  fsyncResults,
  growthResults,
  twoProcessResults,
} from "../../bench/report";
import type { OneReport } from "../../bench/run-one";
import { percentile } from "../../bench/stats";

const one = (over: Partial<OneReport> = {}): OneReport => ({
  kind: "postgres",
  observations: 5_000_000,
  generated_ms: null,
  log: { rps: 250, p50: 30, p95: 80, p99: 120, errors: 0, requests: 7500 },
  health: { rps: 1000, p50: 5, p95: 12, errors: 0 },
  overview_ms: Array.from({ length: 50 }, (_, i) => 100 + i), // 100 … 149
  team_ms: Array.from({ length: 50 }, (_, i) => 50 + i),
  raw_sql_ms: [900, 1000, 1100, 1200, 1300],
  raw_sql_matches_dashboard: [],
  seq_scans: [],
  dashboard_statements: 12,
  slow_queries: [],
  startup_queries: [{ ms: 480, concurrent: 0, sql: "SELECT 1" }],
  slowest_dashboard_statement_ms: 80,
  rss_mb: 700,
  cpu_log: { seconds: 30, cores: { web_1: 0.98, postgres: 0.4, load_generator: 0.3 }, machine_busy_cores: 1.8 },
  ...over,
});

describe("bench percentiles", () => {
  it("uses the nearest rank over every sample", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("bench results", () => {
  it("derives the per-database figures of results.json", () => {
    const r = databaseResults(one());
    expect(r).toMatchObject({
      log_rps: 250,
      log_p95_ms: 80,
      health_rps: 1000,
      log_over_health: 0.25,
      overview_p50_ms: 124,
      overview_p95_ms: 147,
      raw_sql_ms: 1100,
      team_p95_ms: 97,
      slowest_query_ms: 0,
      rss_mb: 700,
    });
    expect(r.overview_over_raw_sql).toBeCloseTo(124 / 1100, 3);
    // A statement that waited for the connection is reported apart from one that was slow on its own.
    const slow = databaseResults(
      one({
        slow_queries: [
          { ms: 400, concurrent: 0, sql: "a" },
          { ms: 900, concurrent: 4, sql: "b" },
        ],
      }),
    );
    expect([slow.slowest_query_ms, slow.slow_queries, slow.slowest_queued_query_ms]).toEqual([400, 1, 900]);
    // Opening the database at start-up is reported, and fails no target: no request waited for it.
    expect(databaseResults(one()).startup_first_query_ms).toBe(480);
    expect(databaseResults(one()).slow_queries).toBe(0);
  });

  it("meets the targets with good figures and names each miss", () => {
    const base = {
      date: "2026-11-23",
      machine: { cores: 2, memory_gb: 24, cpu: "x", node: "v20" },
      cores: 2,
      memory_gb: 24,
      observations: 5_000_000,
    };
    const good = evaluateTargets({
      ...base,
      postgres: databaseResults(one()),
      postgres_2proc: twoProcessResults(
        one({
          two_processes: { ...one(), log: { ...one().log, rps: 320 }, rss_mb: 900, slow_queries: [] },
        }),
      ),
      embedded: databaseResults(one({ kind: "embedded", log: { ...one().log, rps: 120 } })),
      js_gzip_kb: { log: 135 },
      js_framework_floor_kb: 129.7,
      charts_loaded_on: ["overview"],
      lighthouse: { log: { performance: 95, accessibility: 100 } },
    });
    expect(good.filter((t) => !t.met)).toEqual([]);
    const bad = evaluateTargets({
      ...base,
      postgres: databaseResults(
        one({
          log: { ...one().log, rps: 150, errors: 2 },
          slow_queries: [
            { ms: 400, concurrent: 0, sql: "SELECT 1" },
            { ms: 900, concurrent: 4, sql: "SELECT 2" },
          ],
          seq_scans: [{ sql: "x", plan: "Seq Scan on Observation" }],
        }),
      ),
      postgres_2proc: twoProcessResults(
        one({ two_processes: { ...one(), log: { ...one().log, rps: 290, p95: 120 }, rss_mb: 900, slow_queries: [] } }),
      ),
      js_gzip_kb: { log: 141.4 },
      js_framework_floor_kb: 129.7,
      charts_loaded_on: ["overview", "log"],
      lighthouse: { log: { performance: 80, accessibility: 96 } },
    });
    expect(bad.filter((t) => !t.met).map((t) => t.name)).toEqual([
      "PostgreSQL, 1 process behind nginx: logging requests/s; 0.15 of the health route's 1000",
      "PostgreSQL, 1 process behind nginx: logging errors",
      "PostgreSQL, 2 processes behind nginx: logging requests/s; 0.29 of the health route's 1000",
      "PostgreSQL, 2 processes behind nginx: logging p95 ms",
      "PostgreSQL: slowest query on a request path ms",
      "PostgreSQL: sequential scans of Observation by dashboards",
      "Log page JavaScript kB gzip above the framework's own 129.7 (the page loads 141.4)",
      "Chart library loaded only by pages that draw with it",
      "Lighthouse log: performance",
      "Lighthouse log: accessibility",
    ]);
    expect(formatTable({ ...base, postgres: databaseResults(one()), targets: bad })).toContain(
      "MISS  PostgreSQL, 1 process behind nginx: logging requests/s; 0.15 of the health route's 1000: 150 (target ≥ 230)",
    );
  });

  it("compares the embedded logging load with fsync off and on, as the mean of each setting's runs", () => {
    const load = (rps: number, p95: number) => ({
      rps,
      p50: p95 / 2,
      p95,
      p99: p95 * 1.5,
      errors: 0,
      requests: rps * 30,
    });
    expect(fsyncResults(one())).toBeUndefined();
    const f = fsyncResults(
      one({
        kind: "embedded",
        log_fsync: { off: [load(110, 100), load(90, 120)], on: [load(95, 115), load(85, 125)] },
      }),
    )!;
    expect(f.off).toEqual({ runs: 2, rps: 100, p50_ms: 55, p95_ms: 110, p99_ms: 165, errors: 0 });
    expect(f.on).toMatchObject({ runs: 2, rps: 90, p95_ms: 120 });
    expect([f.rps_cost_pct, f.p95_cost_pct]).toEqual([10, 9.1]);
    const base = {
      date: "2026-12-01",
      machine: { cores: 2, memory_gb: 24, cpu: "x", node: "v20" },
      cores: 2,
      memory_gb: 24,
      observations: 5_000_000,
    };
    const targets = evaluateTargets({ ...base, embedded_fsync: f });
    expect(targets.find((t) => t.name.includes("fsync on"))).toMatchObject({ measured: "90", met: false });
    expect(formatTable({ ...base, embedded_fsync: f, targets })).toContain(
      "on costs 10% of the throughput and 9.1% on p95",
    );
  });

  it("prints the video test's time per run with its target, and misses it at 5 ms", () => {
    const base = {
      date: "2026-12-02",
      machine: { cores: 2, memory_gb: 24, cpu: "x", node: "v20" },
      cores: 2,
      memory_gb: 24,
      observations: 5_000_000,
    };
    const fast = { chars: 1012, runs: 2000, p50_ms: 0.5, p95_ms: 1.2 };
    const targets = evaluateTargets({ ...base, video_test: fast });
    expect(targets.find((t) => t.name.startsWith("Video test"))).toMatchObject({
      measured: "0.5",
      goal: "< 5",
      met: true,
    });
    expect(formatTable({ ...base, video_test: fast, targets })).toContain(
      "Video test: 0.5 ms per run (p95 1.2 ms) on a 1012-character behaviour, 2000 runs (target < 5 ms)",
    );
    const slow = evaluateTargets({ ...base, video_test: { ...fast, p50_ms: 5 } });
    expect(slow.find((t) => t.name.startsWith("Video test"))?.met).toBe(false);
  });

  it("reports two processes in the same fields, with their CPU, and the connections at peak", () => {
    const two = { ...one(), log: { ...one().log, rps: 310 }, rss_mb: 1400, slow_queries: [], pg_connections_peak: 14 };
    two.cpu_log = { seconds: 30, cores: { web_1: 0.7, web_2: 0.69, postgres: 0.45 }, machine_busy_cores: 2 };
    const r = twoProcessResults(one({ pg_connections_peak: 7, two_processes: two }))!;
    expect(r).toMatchObject({ log_rps: 310, log_over_health: 0.31, rss_mb: 1400, pg_connections_peak: 14 });
    // The database's own figures (plans, the raw SQL reference) are the run's.
    expect([r.raw_sql_ms, r.seq_scans_of_observations, r.dashboard_matches_raw_sql]).toEqual([1100, 0, true]);
    expect(twoProcessResults(one())).toBeUndefined();
    const base = {
      date: "2026-12-03",
      machine: { cores: 2, memory_gb: 24, cpu: "x", node: "v20" },
      cores: 2,
      memory_gb: 24,
      observations: 5_000_000,
    };
    const results = {
      ...base,
      postgres: databaseResults(one({ pg_connections_peak: 7 })),
      postgres_2proc: r,
      pg_connections_peak: 14,
    };
    const table = formatTable({ ...results, targets: evaluateTargets(results) });
    expect(table).toMatch(/^log_rps +— +250 +310$/m);
    expect(table).toContain(
      "CPU during postgres_2proc logging (cores of 2): web_1 0.7, web_2 0.69, postgres 0.45; the machine 2 busy",
    );
    expect(table).toContain("PostgreSQL connections at peak: 14 (1 process 7, 2 processes 14)");
    expect(table).toContain("met   PostgreSQL, 2 processes behind nginx: logging requests/s");
  });

  it("measures the dashboards' growth from the organisation's 1M to its 5M observations", () => {
    const r = one({
      overview_ms: Array.from({ length: 50 }, (_, i) => 100 + i), // median 124
      large_org_alone: {
        observations: 5_000_000,
        overview_ms: Array.from({ length: 50 }, (_, i) => 140 - i), // unsorted; median 115
        team_ms: Array.from({ length: 50 }, (_, i) => 70 + i), // median 94 (was 74)
        raw_sql_ms: [5000, 5200, 5100, 4900, 5300],
      },
    });
    const g = growthResults(r, 0.2)!;
    expect(g).toEqual({
      org_observations: [1_000_000, 5_000_000],
      overview_p50_ms: [124, 115],
      overview_p95_ms: [147, 138],
      team_p50_ms: [74, 94],
      team_p95_ms: [97, 117],
      raw_sql_ms: [1100, 5100],
      overview_over_raw_sql: [0.113, 0.023],
      overview_growth_pct: -7.3,
      team_growth_pct: 27,
    });
    expect(growthResults(one(), 0.2)).toBeUndefined();
    const base = {
      date: "2026-12-03",
      machine: { cores: 2, memory_gb: 24, cpu: "x", node: "v20" },
      cores: 2,
      memory_gb: 24,
      observations: 5_000_000,
    };
    const met = evaluateTargets({ ...base, overview_growth_1m_5m: g });
    expect(met.map((t) => [t.name, t.met])).toEqual([
      ["PostgreSQL: overview p95 ms, organisation of 5,000,000 observations", true],
      ["PostgreSQL: overview growth from 1,000,000 to 5,000,000 observations, % (median)", true],
      ["PostgreSQL: overview ÷ raw SQL, organisation of 5,000,000 observations", true],
    ]);
    const grown = evaluateTargets({ ...base, overview_growth_1m_5m: { ...g, overview_growth_pct: 10.1 } });
    expect(grown.filter((t) => !t.met).map((t) => t.measured)).toEqual(["10.1"]);
  });
});

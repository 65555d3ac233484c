// `npm run bench` (issue 8): every figure on the embedded database and on PostgreSQL, each in its
// own process (bench/run-one.ts), then bench/results.json and a table. Page weight and Lighthouse
// run once, on the first database. Exits non-zero when a query on a request path took longer than
// 250 ms, a dashboard scanned Observation sequentially, or a dashboard disagreed with the raw SQL.
//   npm run bench [-- --db=embedded|postgres] [--seconds=30]   (BENCH_OBSERVATIONS=… for a smaller set)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LARGE_SHARE } from "./dataset-sql";
import {
  databaseResults,
  evaluateTargets,
  formatTable,
  fsyncResults,
  growthResults,
  twoProcessResults,
  type Results,
} from "./report";
import { REPORTS_DIR } from "./paths";
import type { OneReport } from "./run-one";
import { round } from "./stats";
import { formatVideoTest, measureVideoTest } from "./video-test";

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--db="))?.split("=")[1];
const kinds = (only ? [only] : ["embedded", "postgres"]) as ("embedded" | "postgres")[];
const passOn = args.filter((a) => a.startsWith("--seconds="));

// The video test is pure CPU: measured first, before the servers load the machine.
const videoTestBench = measureVideoTest();
console.log(formatVideoTest(videoTestBench));

// The bench measures the production build of the current sources (rebuilt when they changed).
execFileSync("npx", ["tsx", "scripts/ensure-build.ts"], { stdio: "inherit" });

const reports: OneReport[] = [];
for (const [i, kind] of kinds.entries()) {
  execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "bench/run-one.ts", kind, ...(i === 0 ? ["--pages"] : []), ...passOn],
    { stdio: "inherit" },
  );
  reports.push(JSON.parse(readFileSync(path.join(REPORTS_DIR, `${kind}.json`), "utf8")) as OneReport);
}

const withPages = reports.find((r) => r.pages);
const pgReport = reports.find((r) => r.kind === "postgres");
const embeddedFsync = reports.map(fsyncResults).find((f) => f);
const partial: Omit<Results, "targets"> = {
  date: new Date().toISOString(),
  machine: {
    cores: os.cpus().length,
    memory_gb: round(os.totalmem() / 2 ** 30, 1),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
  },
  cores: os.cpus().length,
  memory_gb: round(os.totalmem() / 2 ** 30, 1),
  observations: reports[0]!.observations,
  ...Object.fromEntries(reports.map((r) => [r.kind, databaseResults(r)])),
  ...(pgReport?.two_processes
    ? {
        postgres_2proc: twoProcessResults(pgReport),
        pg_connections_peak: Math.max(
          pgReport.pg_connections_peak ?? 0,
          pgReport.two_processes.pg_connections_peak ?? 0,
        ),
      }
    : {}),
  ...(pgReport?.large_org_alone ? { overview_growth_1m_5m: growthResults(pgReport, LARGE_SHARE) } : {}),
  ...(embeddedFsync ? { embedded_fsync: embeddedFsync } : {}),
  ...(withPages?.pages
    ? {
        js_gzip_kb: Object.fromEntries(Object.entries(withPages.pages).map(([k, v]) => [k, round(v.gzipKb)])),
        ...(withPages.framework_floor_kb !== undefined
          ? { js_framework_floor_kb: round(withPages.framework_floor_kb) }
          : {}),
        charts_loaded_on: Object.entries(withPages.pages)
          .filter(([, v]) => v.charts)
          .map(([k]) => k),
      }
    : {}),
  ...(withPages?.lighthouse ? { lighthouse: withPages.lighthouse } : {}),
  video_test: videoTestBench,
};
const results: Results = { ...partial, targets: evaluateTargets(partial) };
// The committed figures are a full run (both databases, the full data set); any other run's go beside the reports.
const full = kinds.length === 2 && results.observations === 5_000_000;
const out = full ? "bench/results.json" : path.join(REPORTS_DIR, "results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${formatTable(results)}\n\nWrote ${out}`);
for (const r of reports) {
  for (const q of r.startup_queries ?? []) console.log(`[start-up] ${r.kind}: ${q.ms} ms: ${q.sql}`);
  for (const q of r.slow_queries.slice(0, 10))
    console.log(`[slow-query] ${r.kind}: ${q.ms} ms (sent while ${q.concurrent} ran): ${q.sql}`);
  for (const s of r.seq_scans) console.log(`[seq-scan] ${r.kind}: ${s.plan}\n  ${s.sql.slice(0, 300)}`);
  for (const p of r.raw_sql_matches_dashboard.slice(0, 10)) console.log(`[mismatch] ${r.kind}: ${p}`);
}
const broken = reports.some(
  (r) =>
    r.slow_queries.some((q) => q.concurrent === 0) ||
    r.slowest_dashboard_statement_ms > 250 ||
    r.seq_scans.length > 0 ||
    r.raw_sql_matches_dashboard.length > 0,
);
process.exit(broken ? 1 : 0);

// One database's half of `npm run bench` (bench/run.ts starts it in its own process, so each run has
// its own database module): the data set, then the built app as `npm start` serves it, loaded over
// HTTP, then the raw SQL reference and the full-scale plans with the server stopped (PGlite has one
// owner). On PostgreSQL the app is measured behind Debian's nginx as deployed (README "Running several
// processes"): one process, then two (issue 19), then one on a data set whose large organisation holds
// all 5,000,000 observations (the dashboards' growth from 1M to 5M). Writes bench/.reports/<kind>.json.
//   tsx --conditions=react-server bench/run-one.ts <embedded|postgres> [--pages] [--seconds=30]
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startProxy, type Proxy } from "../scripts/nginx";
import { ensureDataset } from "./dataset";
import { measureLargeOrgAlone, type LargeOrgRun } from "./growth";
import { measureExports, type ExportsReport } from "./exports";
import { lighthouse, type LighthouseScores } from "./lighthouse";
import { runLoad, type LoadResult } from "./load";
import { frameworkFloorKb, measurePageWeights, type PageWeight } from "./page-weight";
import { REPORTS_DIR as REPORTS } from "./paths";
import { compareWithOverview, explainDashboardQueries, rawOverview } from "./raw-sql";
import { watchConnections } from "./pg-connections";
import { processTree } from "./procfs";
import { serverActionId, signIn, startServer, type BenchServer, type SlowQuery } from "./server";
import { measureServing, type ServingFigures } from "./serving";
import { percentile } from "./stats";

export interface OneReport extends ServingFigures {
  kind: "embedded" | "postgres";
  observations: number;
  generated_ms: number | null;
  raw_sql_ms: number[];
  raw_sql_matches_dashboard: string[];
  seq_scans: { sql: string; plan: string }[];
  dashboard_statements: number;
  slow_queries: SlowQuery[];
  /** Slow statements while the server started (opening the database), reported apart: no request waited for them. */
  startup_queries: SlowQuery[];
  /** The slowest dashboard statement's execution time at full scale (EXPLAIN ANALYZE, nothing else running). */
  slowest_dashboard_statement_ms: number;
  rss_mb: number;
  exports?: ExportsReport;
  /** Embedded only: the logging load with CONDUCT_EMBEDDED_FSYNC off and on, two runs each (docs/decisions/017). */
  log_fsync?: { on: LoadResult[]; off: LoadResult[] };
  /** PostgreSQL only: two processes of the build behind nginx (the figures above are one process behind it). */
  two_processes?: ServingFigures & { rss_mb: number; slow_queries: SlowQuery[] };
  /** PostgreSQL only: the large organisation holding every observation of a data set of the same size. */
  large_org_alone?: LargeOrgRun;
  pages?: Record<string, PageWeight>;
  /** The JavaScript the framework itself loads on every page (gzip kB). */
  framework_floor_kb?: number;
  lighthouse?: Record<string, LighthouseScores>;
}

const PAGES = { log: "/log", catalogue: "/catalogue", overview: "/dashboards" };

const args = process.argv.slice(2);
const kind = args[0];
if (kind !== "embedded" && kind !== "postgres") {
  console.error("usage: run-one.ts <embedded|postgres> [--pages] [--seconds=30]");
  process.exit(2);
}
const seconds = Number(args.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 30);
const log = (s: string) => console.log(`[bench:${kind}] ${s}`);

// Each request a new entry, as each tap on the Log pad is (a repeated key would be a no-op).
let n = 0;
const runId = Date.now().toString(36);
const actionBody = () =>
  JSON.stringify([
    {
      behaviourId: ds.large.behaviourId,
      teamId: ds.large.teamId,
      outcome: n % 3 ? "performed" : "missed",
      note: "",
      anonymous: false,
      idempotencyKey: `bench-${runId}-${(n++).toString(36).padStart(8, "0")}`,
    },
  ]);
const logLoad = (base: string, cookie: string, s: number) =>
  runLoad({
    url: `${base}/log`,
    method: "POST",
    headers: {
      Cookie: cookie,
      "Next-Action": serverActionId("src/lib/actions/observations.ts", "logObservationAction"),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
    },
    body: actionBody,
    seconds: s,
    connections: 10,
    ok: (b) => b.includes('"ok":true'),
  });

const ds = await ensureDataset(kind, { log });
const report: Partial<OneReport> = { kind, observations: ds.observations, generated_ms: ds.generatedMs ?? null };
// On PostgreSQL every process shares the secrets (the start scripts refuse to run without them) and sits
// behind the proxy (TRUST_PROXY_HOPS=1), as README "Running several processes" deploys it.
const serverEnv: Record<string, string> =
  kind === "postgres"
    ? {
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        TRUST_PROXY_HOPS: "1",
      }
    : {};
const connections = ds.databaseUrl ? await watchConnections(ds.databaseUrl) : undefined;
const cpuParts = (servers: BenchServer[], proxy?: Proxy): Record<string, () => number[]> => ({
  ...Object.fromEntries(servers.map((s, i) => [`web_${i + 1}`, () => processTree(s.pid)])),
  ...(ds.postgresPid ? { postgres: () => processTree(ds.postgresPid!) } : {}),
  ...(proxy?.child.pid ? { nginx: () => processTree(proxy.child.pid!) } : {}),
  load_generator: () => [process.pid],
});
try {
  const server = await startServer({
    port: kind === "embedded" ? 3310 : 3311,
    dataDir: ds.dataDir,
    databaseUrl: ds.databaseUrl,
    log,
    env: serverEnv,
  });
  let proxy: Proxy | undefined;
  try {
    proxy = kind === "postgres" ? await startProxy({ port: 3320, upstreams: [3311], accessLog: false }) : undefined;
    const base = proxy?.baseUrl ?? server.baseUrl;
    const member = await signIn(base, ds.large.memberEmail, ds.large.password);
    const manager = await signIn(base, ds.large.managerEmail, ds.large.password);
    const serving = { member, manager, teamId: ds.large.teamId, seconds, logLoad, connections, log };
    Object.assign(
      report,
      await measureServing({
        ...serving,
        base,
        cpuParts: cpuParts([server], proxy),
        log: (m) => log(`1 process: ${m}`),
      }),
    );

    if (args.includes("--pages")) {
      report.pages = await measurePageWeights(base, manager, PAGES);
      report.framework_floor_kb = frameworkFloorKb();
      report.lighthouse = {};
      for (const [name, url] of Object.entries(PAGES)) {
        report.lighthouse[name] = await lighthouse(`${base}${url}`, manager, REPORTS, name);
        log(`lighthouse ${name}: ${JSON.stringify(report.lighthouse[name])}`);
      }
    }
    report.rss_mb = server.peakRssMb();

    // Two processes of the same build behind one nginx, round-robin (issue 19).
    if (kind === "postgres") {
      const second = await startServer({
        port: 3312,
        dataDir: ds.dataDir,
        databaseUrl: ds.databaseUrl,
        log,
        env: serverEnv,
      });
      let pair: Proxy | undefined;
      try {
        pair = await startProxy({ port: 3321, upstreams: [3311, 3312], accessLog: false });
        const two = await measureServing({
          ...serving,
          base: pair.baseUrl,
          cpuParts: cpuParts([server, second], pair),
          log: (m) => log(`2 processes: ${m}`),
        });
        report.two_processes = {
          ...two,
          rss_mb: server.peakRssMb() + second.peakRssMb(),
          slow_queries: second.slowQueries(),
        };
      } finally {
        await pair?.stop();
        await second.stop();
      }
    }
    report.slow_queries = [...server.slowQueries(), ...(report.two_processes?.slow_queries ?? [])];
    report.startup_queries = server.startupQueries();
    // Last, so the figures above keep their meaning: the exports at full scale (issue 15, item 13).
    // The data set has an admin per organisation, addressed like its manager.
    const admin = await signIn(base, ds.large.managerEmail.replace("manager@", "admin@"), ds.large.password);
    report.exports = await measureExports({ base, pid: server.pid, adminCookie: admin, memberCookie: member, log });
  } finally {
    await proxy?.stop();
    await server.stop();
  }

  // What durable commits cost on the embedded database (issue 15, item 17; docs/decisions/017): the
  // same logging load against a server started with CONDUCT_EMBEDDED_FSYNC off, then on, twice over,
  // so that a busy moment of the machine does not fall on one setting only.
  if (kind === "embedded") {
    const runs: NonNullable<OneReport["log_fsync"]> = { on: [], off: [] };
    for (const setting of ["off", "on", "off", "on"] as const) {
      const s = await startServer({ port: 3310, dataDir: ds.dataDir, log, env: { CONDUCT_EMBEDDED_FSYNC: setting } });
      try {
        const member = await signIn(s.baseUrl, ds.large.memberEmail, ds.large.password);
        await logLoad(s.baseUrl, member, 3);
        const r = await logLoad(s.baseUrl, member, seconds);
        runs[setting].push(r);
        log(`logging with fsync ${setting}: ${r.rps.toFixed(0)} req/s, p95 ${r.p95} ms, ${r.errors} errors`);
      } finally {
        await s.stop();
      }
    }
    report.log_fsync = runs;
  }

  // With the server stopped: the raw SQL reference, its agreement with the dashboard, and the plans.
  process.env.CONDUCT_DATA_DIR = ds.dataDir;
  process.env.DATABASE_URL = ds.databaseUrl ?? "";
  const { database, closeDatabase } = await import("@/lib/server/db");
  const { memberContext } = await import("@/lib/server/data/accounts");
  const { organisationOverview, teamView } = await import("@/lib/server/data/dashboards");
  const { DashboardFilter } = await import("@/lib/schemas/dashboards");
  const { captureQueries } = await import("@/lib/server/query-log");
  try {
    const sql = database().sql;
    // The logging load's entries go, so the data set stays the size it says it is.
    await sql.query(`DELETE FROM "Observation" WHERE "organizationId" = $1 AND "idempotencyKey" LIKE 'bench-%'`, [
      ds.large.orgId,
    ]);
    const now = new Date();
    await rawOverview(sql, ds.large.orgId, { now });
    const raws = [];
    for (let i = 0; i < 5; i++) raws.push(await rawOverview(sql, ds.large.orgId, { now }));
    report.raw_sql_ms = raws.map((r) => r.ms).sort((a, b) => a - b);
    const user = await database().prisma.user.findUniqueOrThrow({
      where: { email: ds.large.managerEmail },
      select: { id: true },
    });
    const ctx = (await memberContext(user.id, ds.large.orgId))!;
    const filter = DashboardFilter.parse({});
    const { result: overview, queries } = await captureQueries(async () => {
      const o = await organisationOverview(ctx, filter, now);
      await teamView(ctx, filter, ds.large.teamId, now);
      return o;
    });
    // Every cell: the page itself shows only the busiest teams and behaviours of a large organisation.
    const everyCell =
      overview.heatmap.teams.length < overview.heatmap.totalTeams ||
      overview.heatmap.behaviours.length < overview.heatmap.totalBehaviours
        ? await organisationOverview(ctx, DashboardFilter.parse({ heatmap: "all" }), now)
        : overview;
    report.raw_sql_matches_dashboard = compareWithOverview(raws[0]!, everyCell);
    const plans = await explainDashboardQueries(sql, queries, { analyze: true });
    report.seq_scans = plans.seqScans;
    report.slowest_dashboard_statement_ms = Math.max(0, ...plans.explained.map((e) => e.executionMs ?? 0));
    report.dashboard_statements = plans.explained.length;
    log(
      `raw SQL p50 ${percentile(report.raw_sql_ms, 50).toFixed(0)} ms; ${plans.explained.length} dashboard statements explained, ${plans.seqScans.length} sequential scans of Observation`,
    );
  } finally {
    await closeDatabase();
  }

  // The dashboards' growth with the organisation's observations: the same organisation holding them all.
  if (kind === "postgres")
    report.large_org_alone = await measureLargeOrgAlone({ observations: ds.observations, env: serverEnv, log });
} finally {
  await connections?.stop();
  await ds.stop();
}
mkdirSync(REPORTS, { recursive: true });
writeFileSync(path.join(REPORTS, `${kind}.json`), JSON.stringify(report, null, 2));
log(`wrote ${path.join(REPORTS, `${kind}.json`)}`);

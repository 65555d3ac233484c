// Ensures the bench data set and checks it without the web server:
//   npx tsx --conditions=react-server bench/check-dataset.ts <embedded|postgres> [observations]
// prints counts, the overview and team view data functions' times for the large organisation
// (10 calls each), the raw SQL reference and whether it agrees with the dashboard, and the plans
// of the dashboard statements at full scale (EXPLAIN ANALYZE; any sequential scan of Observation).
import { ensureDataset } from "./dataset";
import { compareWithOverview, explainDashboardQueries, rawOverview } from "./raw-sql";
import { percentile, timeRepeated } from "./stats";

const [kindArg = "embedded", countArg] = process.argv.slice(2);
if (kindArg !== "embedded" && kindArg !== "postgres") {
  console.error("usage: check-dataset.ts <embedded|postgres> [observations]");
  process.exit(2);
}
const t0 = performance.now();
const ds = await ensureDataset(kindArg, {
  observations: countArg ? Number(countArg) : undefined,
  log: (s) => console.log(s),
});
console.log(`[check] data set ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// The app's own database module, configured as the app server would be.
process.env.CONDUCT_DATA_DIR = ds.dataDir;
process.env.DATABASE_URL = ds.databaseUrl ?? "";
const { database, closeDatabase } = await import("@/lib/server/db");
const { memberContext, authenticate } = await import("@/lib/server/data/accounts");
const { organisationOverview, teamView } = await import("@/lib/server/data/dashboards");
const { DashboardFilter } = await import("@/lib/schemas/dashboards");
const { addQueryListener, captureQueries } = await import("@/lib/server/query-log");
const { slowQueryMs } = await import("@/lib/server/env");

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    max: Math.round(sorted.at(-1)!),
    mean: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
};

try {
  const sql = database().sql;
  let t = performance.now();
  const one = async (q: string, params: unknown[] = []) =>
    Number(Object.values((await sql.query(q, params))[0] ?? {})[0]);
  const counts = {
    organisations: await one(`SELECT count(*) FROM "Organization"`),
    teams: await one(`SELECT count(*) FROM "Team" WHERE "kind" = 'TEAM'`),
    valueStreams: await one(`SELECT count(*) FROM "Team" WHERE "kind" = 'VALUE_STREAM'`),
    activeBehaviours: await one(`SELECT count(*) FROM "Behaviour" WHERE "status" = 'ACTIVE'`),
    users: await one(`SELECT count(*) FROM "User"`),
    observations: await one(`SELECT count(*) FROM "Observation"`),
    dailyRows: await one(`SELECT count(*) FROM "ObservationDaily"`),
    largeOrgObservations: await one(`SELECT count(*) FROM "Observation" WHERE "organizationId" = $1`, [ds.large.orgId]),
    largeOrgDailyRows: await one(`SELECT count(*) FROM "ObservationDaily" WHERE "organizationId" = $1`, [
      ds.large.orgId,
    ]),
    summaryMatches: await one(
      `SELECT (SELECT sum("performed" + "missed") FROM "Observation") = (SELECT sum("performed" + "missed") FROM "ObservationDaily")`,
    ),
  };
  console.log(`[check] counts (first query opens the database) in ${Math.round(performance.now() - t)} ms:`, counts);

  const signIn = {
    manager: !!(await authenticate(ds.large.managerEmail, ds.large.password)),
    member: !!(await authenticate(ds.large.memberEmail, ds.large.password)),
  };
  console.log(`[check] the large organisation's manager and member sign in with the bench password:`, signIn);
  const user = await database().prisma.user.findUniqueOrThrow({
    where: { email: ds.large.managerEmail },
    select: { id: true },
  });
  const ctx = (await memberContext(user.id, ds.large.orgId))!;
  const filter = DashboardFilter.parse({});
  const now = new Date();

  // Statements over the threshold during the timed calls (also logged to stderr as [slow-query]).
  const threshold = slowQueryMs();
  const slow: { ms: number; concurrent: number; sql: string }[] = [];
  const stopListening = addQueryListener(
    (e) =>
      void (
        e.ms > threshold && slow.push({ ms: Math.round(e.ms), concurrent: e.concurrent, sql: e.sql.slice(0, 300) })
      ),
  );
  t = performance.now();
  const first = await organisationOverview(ctx, filter, now);
  console.log(
    `[check] first overview (cold) ${Math.round(performance.now() - t)} ms; ${first.heatmap.teams.length} teams × ${first.heatmap.behaviours.length} behaviours, ${first.trend.length} weeks`,
  );
  const overviewMs = await timeRepeated(10, () => organisationOverview(ctx, filter, now));
  const teamMs = await timeRepeated(10, () => teamView(ctx, filter, ds.large.teamId, now));
  stopListening();
  console.log(`[check] organisationOverview ×10 ms:`, stats(overviewMs), overviewMs.map(Math.round).join(" "));
  console.log(`[check] teamView ×10 ms:`, stats(teamMs), teamMs.map(Math.round).join(" "));
  console.log(`[check] statements over ${threshold} ms during the timed calls: ${slow.length}`);
  for (const s of slow.slice(0, 20)) console.log(`  ${s.ms} ms (sent while ${s.concurrent} others ran): ${s.sql}`);

  const rawMs: number[] = [];
  let raw = await rawOverview(sql, ds.large.orgId, { now });
  for (let i = 0; i < 5; i++) rawMs.push((raw = await rawOverview(sql, ds.large.orgId, { now })).ms);
  console.log(
    `[check] raw SQL overview (${raw.from} … ${raw.to}) ×5 ms:`,
    stats(rawMs),
    rawMs.map(Math.round).join(" "),
  );
  console.log(`[check] dashboard ÷ raw SQL (p50): ${(stats(overviewMs).p50 / stats(rawMs).p50).toFixed(2)}`);
  // Every cell: the page shows only the busiest teams and behaviours of a large organisation.
  const problems = compareWithOverview(
    raw,
    await organisationOverview(ctx, DashboardFilter.parse({ heatmap: "all" }), now),
  );
  console.log(
    `[check] raw SQL vs organisationOverview: ${problems.length === 0 ? `equal (${Object.keys(raw.weeks).length} weeks, ${Object.keys(raw.cells).length} cells)` : `${problems.length} differences`}`,
  );
  for (const p of problems.slice(0, 20)) console.log(`  ${p}`);

  const { queries } = await captureQueries(async () => {
    await organisationOverview(ctx, filter, now);
    await teamView(ctx, filter, ds.large.teamId, now);
  });
  const plans = await explainDashboardQueries(sql, queries, { analyze: true });
  console.log(
    `[check] EXPLAIN ANALYZE of ${plans.explained.length} distinct dashboard statements (${queries.length} captured); sequential scans of Observation: ${plans.seqScans.length}`,
  );
  for (const s of plans.seqScans) console.log(`  SEQ SCAN: ${s.plan}\n    ${s.sql.slice(0, 300)}`);
  console.log(`[check] scans of tenant tables not bounded by the organisation: ${plans.tenantScans.length}`);
  for (const s of plans.tenantScans) console.log(`  ${s.problem}\n    ${s.plan}\n    ${s.sql.slice(0, 300)}`);
  const { planSummary } = await import("@/lib/server/query-plans");
  const slowest = [...plans.explained].sort((a, b) => (b.executionMs ?? 0) - (a.executionMs ?? 0));
  for (const e of slowest.slice(0, 6)) {
    console.log(
      `  ${e.executionMs?.toFixed(1)} ms  ${planSummary(e.plan).slice(0, 240)}\n    ${e.sql.replace(/\s+/g, " ").slice(0, 240)}`,
    );
  }
  // The full text plans of the three slowest, for the report.
  for (const e of slowest.slice(0, 3)) {
    const rows = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${e.sql}`, e.params);
    console.log(
      `\n[check] EXPLAIN (ANALYZE, BUFFERS) ${e.sql.replace(/\s+/g, " ")}\n  params ${JSON.stringify(e.params)}\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`,
    );
  }
  const summary = {
    kind: ds.kind,
    observations: ds.observations,
    generatedMs: ds.generatedMs ?? null,
    counts,
    overview: stats(overviewMs),
    teamView: stats(teamMs),
    raw: stats(rawMs),
    slow: slow.length,
    seqScans: plans.seqScans.length,
    equal: problems.length === 0,
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
  console.log(`[check] summary ${JSON.stringify(summary)}`);
  if (problems.length || plans.seqScans.length || !signIn.manager || !signIn.member) process.exitCode = 1;
} finally {
  await closeDatabase();
  await ds.stop();
}

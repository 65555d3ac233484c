// One serving set-up measured the same way (issue 19: one process and two behind nginx are compared field
// by field): the logging load with the CPU each part used meanwhile, the bare health route in the same
// run, then the overview and the team view of the large organisation.
import type { LoadResult } from "./load";
import { runLoad } from "./load";
import type { ConnectionWatch } from "./pg-connections";
import { measureCpu, type CpuUse } from "./procfs";
import { percentile, timeRepeated } from "./stats";

export interface ServingFigures {
  log: LoadResult;
  health: { rps: number; p50: number; p95: number; errors: number };
  /** Cores each part used during the logging load (web processes, PostgreSQL, nginx, the load generator). */
  cpu_log: CpuUse;
  overview_ms: number[];
  team_ms: number[];
  /** PostgreSQL only: the most connections the app held to the database while these were measured. */
  pg_connections_peak?: number;
}

export async function measureServing(opts: {
  base: string;
  member: string;
  manager: string;
  teamId: string;
  seconds: number;
  logLoad: (base: string, cookie: string, seconds: number) => Promise<LoadResult>;
  cpuParts: Record<string, () => number[]>;
  connections?: ConnectionWatch;
  log: (s: string) => void;
}): Promise<ServingFigures> {
  const { base, manager, seconds, log } = opts;
  const get = async (url: string) => {
    const res = await fetch(`${base}${url}`, { headers: { Cookie: manager }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
  };
  const team = `/dashboards/team?team=${opts.teamId}`;
  // Warm up: the first request of each route loads its code (twice, for each process behind a proxy).
  for (let i = 0; i < 2; i++) for (const url of ["/log", "/catalogue", "/dashboards", team]) await get(url);
  await opts.logLoad(base, opts.member, 3);

  opts.connections?.reset();
  log(`logging: 10 connections for ${seconds} s`);
  const { result: logResult, cpu } = await measureCpu(opts.cpuParts, () => opts.logLoad(base, opts.member, seconds));
  log(
    `logging: ${logResult.rps.toFixed(0)} req/s, p95 ${logResult.p95} ms, ${logResult.errors} errors; cores ${JSON.stringify(cpu.cores)}, machine ${cpu.machine_busy_cores}`,
  );
  const health = await runLoad({ url: `${base}/api/health`, seconds, connections: 10 });
  log(`health: ${health.rps.toFixed(0)} req/s`);
  const overview_ms = await timeRepeated(50, () => get("/dashboards"));
  const team_ms = await timeRepeated(50, () => get(team));
  log(
    `overview p95 ${percentile(overview_ms, 95).toFixed(0)} ms, team view p95 ${percentile(team_ms, 95).toFixed(0)} ms`,
  );
  return {
    log: logResult,
    health: { rps: health.rps, p50: health.p50, p95: health.p95, errors: health.errors },
    cpu_log: cpu,
    overview_ms,
    team_ms,
    ...(opts.connections ? { pg_connections_peak: opts.connections.peak() } : {}),
  };
}

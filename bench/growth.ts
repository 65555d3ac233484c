// Whether the dashboards grow with an organisation's observations (issue 19): the large organisation's shape
// (16 teams, 20 behaviours, the same people) on a data set of its own in which it holds every observation
// (5,000,000 of 5,000,000; the main data set gives it 1,000,000), in another database of the bench's
// PostgreSQL cluster. Served and measured as the main run's one process behind nginx, with the raw SQL
// reference of the same numbers beside it.
import { openDatabase } from "@/lib/server/database";
import { ensureDataset } from "./dataset";
import { startProxy } from "../scripts/nginx";
import { rawOverview } from "./raw-sql";
import { signIn, startServer } from "./server";
import { timeRepeated } from "./stats";

export interface LargeOrgRun {
  /** The data set's observations, all of them the large organisation's. */
  observations: number;
  overview_ms: number[];
  team_ms: number[];
  raw_sql_ms: number[];
}

export const GROWTH_DATABASE = "conduct_bench_org5m";

/** Leaves the cluster running: the main data set's stop() stops it. */
export async function measureLargeOrgAlone(opts: {
  observations: number;
  env: Record<string, string>;
  log: (s: string) => void;
}): Promise<LargeOrgRun> {
  const ds = await ensureDataset("postgres", {
    observations: opts.observations,
    largeShare: 1,
    database: GROWTH_DATABASE,
    log: opts.log,
  });
  const server = await startServer({
    port: 3313,
    dataDir: ds.dataDir,
    databaseUrl: ds.databaseUrl,
    log: opts.log,
    env: opts.env,
  });
  let overview_ms: number[];
  let team_ms: number[];
  try {
    const proxy = await startProxy({ port: 3322, upstreams: [3313], accessLog: false });
    try {
      const manager = await signIn(proxy.baseUrl, ds.large.managerEmail, ds.large.password);
      const get = async (url: string) => {
        const res = await fetch(`${proxy.baseUrl}${url}`, { headers: { Cookie: manager }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
      };
      const team = `/dashboards/team?team=${ds.large.teamId}`;
      for (let i = 0; i < 2; i++) for (const url of ["/dashboards", team]) await get(url);
      overview_ms = await timeRepeated(50, () => get("/dashboards"));
      team_ms = await timeRepeated(50, () => get(team));
    } finally {
      await proxy.stop();
    }
  } finally {
    await server.stop();
  }
  const db = openDatabase({ databaseUrl: ds.databaseUrl, dataDir: ds.dataDir });
  try {
    const now = new Date();
    await rawOverview(db.sql, ds.large.orgId, { now });
    const raw_sql_ms: number[] = [];
    for (let i = 0; i < 5; i++) raw_sql_ms.push((await rawOverview(db.sql, ds.large.orgId, { now })).ms);
    opts.log(
      `large organisation with ${ds.observations.toLocaleString("en")} observations: overview p50 ${overview_ms[25]!.toFixed(0)} ms, raw SQL ${raw_sql_ms.sort((a, b) => a - b)[2]!.toFixed(0)} ms`,
    );
    return { observations: ds.observations, overview_ms, team_ms, raw_sql_ms };
  } finally {
    await db.close();
  }
}

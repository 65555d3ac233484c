// Exports at full scale (issue 15, item 13): the observation CSV and the organisation backup of the
// large organisation (1,000,000 observations), downloaded as fast as the client reads, while a
// second client keeps asking for light requests. Records the server's peak memory growth over
// its resident size before the download and the latency of those requests, against the same
// requests with nothing else running. Part of `npm run bench` (bench/run-one.ts); on its own:
//   tsx --conditions=react-server bench/exports.ts <embedded|postgres>   (merges into bench/results.json)
import { readFileSync, writeFileSync } from "node:fs";
import { ensureDataset } from "./dataset";
import { treeRssMb } from "./procfs";
import { signIn, startServer } from "./server";
import { percentile, round } from "./stats";

export interface ProbeStats {
  requests: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  errors: number;
}

export interface ExportMeasure {
  url: string;
  mb: number;
  lines: number;
  seconds: number;
  rss_before_mb: number;
  rss_peak_mb: number;
  rss_growth_mb: number;
  /** Light requests (the session check reads the database; health does not) while the export ran. */
  during: Record<string, ProbeStats>;
}

export interface ExportsReport {
  idle: Record<string, ProbeStats>;
  observations_csv: ExportMeasure;
  backup_json: ExportMeasure;
}

type Probe = { name: string; url: string; cookie?: string };

function stats(times: number[], errors: number): ProbeStats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    max_ms: round(sorted.at(-1) ?? Number.NaN),
    errors,
  };
}

/** One request after another (each waits for the previous one) until `stop` says so. */
async function probeLoop(base: string, probe: Probe, stop: () => boolean): Promise<ProbeStats> {
  const times: number[] = [];
  let errors = 0;
  while (!stop()) {
    const t = performance.now();
    try {
      const res = await fetch(`${base}${probe.url}`, { headers: probe.cookie ? { Cookie: probe.cookie } : {} });
      await res.arrayBuffer();
      if (!res.ok) errors++;
    } catch {
      errors++;
    }
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
  return stats(times, errors);
}

async function idle(base: string, probes: Probe[], ms: number): Promise<Record<string, ProbeStats>> {
  const end = Date.now() + ms;
  const out: Record<string, ProbeStats> = {};
  await Promise.all(probes.map(async (p) => (out[p.name] = await probeLoop(base, p, () => Date.now() > end))));
  return out;
}

async function measureOne(
  base: string,
  pid: number,
  url: string,
  cookie: string,
  probes: Probe[],
): Promise<ExportMeasure> {
  await new Promise((r) => setTimeout(r, 3_000)); // let the previous work settle
  const before = Math.max(...[0, 1, 2].map(() => treeRssMb(pid)));
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 100);
  let done = false;
  const during: Record<string, ProbeStats> = {};
  const probing = Promise.all(probes.map(async (p) => (during[p.name] = await probeLoop(base, p, () => done))));
  const t = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const res = await fetch(`${base}${url}`, { headers: { Cookie: cookie } });
    if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes += r.value.length;
      for (const b of r.value) if (b === 10) lines++;
    }
  } finally {
    done = true;
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t) / 1000;
  await probing;
  peak = Math.max(peak, treeRssMb(pid));
  return {
    url,
    mb: round(bytes / 2 ** 20),
    lines,
    seconds: round(seconds),
    rss_before_mb: Math.round(before),
    rss_peak_mb: Math.round(peak),
    rss_growth_mb: Math.round(peak - before),
    during,
  };
}

/** Both exports of the large organisation on a running server. */
export async function measureExports(opts: {
  base: string;
  pid: number;
  adminCookie: string;
  memberCookie: string;
  log: (s: string) => void;
}): Promise<ExportsReport> {
  const probes: Probe[] = [
    { name: "health", url: "/api/health" },
    { name: "session", url: "/api/auth/session", cookie: opts.memberCookie },
  ];
  const report: ExportsReport = {
    idle: await idle(opts.base, probes, 5_000),
    observations_csv: await measureOne(opts.base, opts.pid, "/log/export", opts.adminCookie, probes),
    backup_json: await measureOne(opts.base, opts.pid, "/settings/backup/export", opts.adminCookie, probes),
  };
  for (const [name, m] of [
    ["observation CSV", report.observations_csv],
    ["backup", report.backup_json],
  ] as const)
    opts.log(
      `export ${name}: ${m.lines.toLocaleString("en")} lines, ${m.mb} MB in ${m.seconds} s; RSS ${m.rss_before_mb} → ${m.rss_peak_mb} MB (+${m.rss_growth_mb}); session p50 ${m.during.session!.p50_ms} ms / p95 ${m.during.session!.p95_ms} ms / max ${m.during.session!.max_ms} ms (idle p95 ${report.idle.session!.p95_ms} ms)`,
    );
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kind = process.argv[2];
  if (kind !== "embedded" && kind !== "postgres") {
    console.error("usage: exports.ts <embedded|postgres>");
    process.exit(2);
  }
  const log = (s: string) => console.log(`[bench:${kind}] ${s}`);
  const ds = await ensureDataset(kind, { log });
  try {
    const server = await startServer({
      port: kind === "embedded" ? 3320 : 3321,
      dataDir: ds.dataDir,
      databaseUrl: ds.databaseUrl,
      log,
    });
    try {
      const adminCookie = await signIn(
        server.baseUrl,
        ds.large.managerEmail.replace("manager@", "admin@"),
        ds.large.password,
      );
      const memberCookie = await signIn(server.baseUrl, ds.large.memberEmail, ds.large.password);
      const exports = await measureExports({ base: server.baseUrl, pid: server.pid, adminCookie, memberCookie, log });
      const results = JSON.parse(readFileSync("bench/results.json", "utf8")) as Record<string, Record<string, unknown>>;
      results[kind] = {
        ...results[kind],
        exports: { measured: new Date().toISOString(), observations: ds.observations, ...exports },
      };
      writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
      log("merged into bench/results.json");
    } finally {
      await server.stop();
    }
  } finally {
    await ds.stop();
  }
}

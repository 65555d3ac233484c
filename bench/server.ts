// The built app as `npm start` serves it (scripts/serve.mjs), pointed at a bench database, with what the bench needs from it:
// its slow-query log lines, its memory, and a signed-in session for a given user.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { treeRssMb } from "./procfs";

export interface SlowQuery {
  ms: number;
  /** Statements of the server still running when this one was sent (it may have queued behind them). */
  concurrent: number;
  sql: string;
}

export interface BenchServer {
  baseUrl: string;
  pid: number;
  /** Every `[slow-query] <ms> ms (sent while <n> ran): <sql>` line the server printed since it answered its first request. */
  slowQueries(): SlowQuery[];
  /** The same, printed while the server was starting (src/instrumentation.ts opens the database): on no request's path. */
  startupQueries(): SlowQuery[];
  /** The highest resident memory of the server's process tree seen so far, in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(opts: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  log: (s: string) => void;
  /** e.g. ["--cpu-prof"] to profile the server */ nodeArgs?: string[];
  /** More environment for the server, e.g. { CONDUCT_EMBEDDED_FSYNC: "off" }. */
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    CONDUCT_DATA_DIR: opts.dataDir,
    DATABASE_URL: opts.databaseUrl ?? "",
    CONDUCT_SLOW_QUERY_MS: "250",
    ...opts.env,
  };
  // What `npm start` and `npm run start:cluster` serve: Next's server under scripts/serve.mjs.
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "scripts/serve.mjs"], {
    env: { ...env, PORT: String(opts.port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const slow: SlowQuery[] = [];
  const startup: SlowQuery[] = [];
  let ready = false;
  let output = "";
  let partial = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    // Whole lines only: a chunk may end in the middle of one.
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const m of lines.join("\n").matchAll(/\[slow-query\] ([\d.]+) ms \(sent while (\d+) ran\): (.*)/g))
      (ready ? slow : startup).push({ ms: Number(m[1]), concurrent: Number(m[2]), sql: m[3]! });
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  await waitForHealth(baseUrl, child, () => output);
  // Next.js finishes instrumentation's register() before it serves: anything logged so far was start-up.
  ready = true;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeRssMb(child.pid!)));
  const sampler = setInterval(sample, 500);
  sample();
  return {
    baseUrl,
    pid: child.pid!,
    slowQueries: () => [...slow],
    startupQueries: () => [...startup],
    peakRssMb: () => (sample(), peak),
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within 120 s:\n${output()}`);
}

/** Signs in through next-auth's credentials flow, as the sign-in form does; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`could not sign in as ${email} (HTTP ${res.status})`);
  return cookie();
}

/** The id Next.js gave a server action in this build (what the browser sends as Next-Action). */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}: build first`);
  return found[0];
}

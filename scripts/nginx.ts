// Debian's nginx as a round-robin reverse proxy on loopback, as README "Running several processes" shows
// without TLS: for the cluster e2e test (scripts/e2e-cluster.ts) and the bench's runs behind a proxy
// (bench/proxy.ts). It runs unprivileged from a generated config in a temp directory (pid, logs and temp
// files there), in the foreground (`daemon off;`), so stopping the child stops it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const CANDIDATES = ["/usr/sbin/nginx", "/usr/local/sbin/nginx"];

/** nginx's path, installing Debian's package with apt-get when it is missing (as tests/support/postgres.ts does PostgreSQL). */
export function ensureNginx(log: (s: string) => void = console.log): string {
  const find = () => CANDIDATES.find((p) => existsSync(p));
  if (!find()) {
    log("installing Debian's nginx package…");
    spawnSync(
      "bash",
      ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null"],
      { stdio: "inherit" },
    );
  }
  const found = find();
  if (!found) throw new Error("nginx is not installed, and apt-get could not install it: apt-get install -y nginx");
  return found;
}

/** The configuration: one worker, an upstream of the given loopback ports, kept-alive connections to them. */
export function proxyConfig(
  dir: string,
  port: number,
  upstreams: number[],
  opts: { accessLog?: boolean } = {},
): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${opts.accessLog === false ? "off" : `${dir}/access.log`};
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  upstream conduct {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://conduct;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

export interface Proxy {
  child: ChildProcess;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts nginx on 127.0.0.1:<port> in front of the upstream ports and waits until it answers. */
export async function startProxy(opts: {
  port: number;
  upstreams: number[];
  accessLog?: boolean;
  log?: (s: string) => void;
  /** The path the proxy is asked until it answers (through an upstream); default /api/health. */
  readyPath?: string;
}): Promise<Proxy> {
  const bin = ensureNginx(opts.log);
  const dir = mkdtempSync(path.join(tmpdir(), "conduct-nginx-"));
  writeFileSync(path.join(dir, "nginx.conf"), proxyConfig(dir, opts.port, opts.upstreams, opts));
  // Run as root (CI), nginx's workers run as nobody: they must be able to enter the directory.
  chmodSync(dir, 0o755);
  const child = spawn(bin, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
    stdio: "inherit",
  });
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited (${child.exitCode}) before it answered on ${baseUrl}`);
    }
    const ok = await fetch(`${baseUrl}${opts.readyPath ?? "/api/health"}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer on ${baseUrl} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, baseUrl, stop };
}

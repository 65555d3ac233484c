// Serves the built app as `next start` does, through Next's custom-server API, for one reason:
// route handlers and server actions cannot see the TCP peer's address, and Next itself copies a
// client's own X-Forwarded-For header through unchanged. So every request is stamped here with the
// peer address and this process's random token; src/lib/server/rate-limit.ts (clientIp) believes the
// header only with that token, and a client cannot forge it (docs/decisions/013-client-address.md).
// Plain JavaScript run by node: Next's own server must not load under tsx's react-server condition.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import next from "next";

const PEER_HEADER = "x-conduct-peer";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const token = randomBytes(24).toString("base64url");
// Set → every response says which process answered it (X-Conduct-Process), to see a proxy balance
// several (the cluster e2e test). Unset (the default) → no such header.
const processName = process.env.CONDUCT_PROCESS_NAME || undefined;
// Read once by src/lib/server/env.ts; set before Next loads anything.
process.env.CONDUCT_PEER_TOKEN = token;
process.env.NODE_ENV = "production";

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

// Requests being handled now, each settled when Next has finished it and its response is closed.
const inFlight = new Set();
let stopping = false;

const server = createServer((req, res) => {
  if (stopping) {
    // A request on a kept-alive connection after a stop signal: refused at once, never left hanging.
    res.writeHead(503, { Connection: "close", "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8" });
    res.end("The server is restarting. Try again in a moment.\n");
    return;
  }
  if (processName) res.setHeader("X-Conduct-Process", processName);
  // Replaces whatever a client sent under this name.
  req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ""}`;
  const closed = new Promise((resolve) => res.once("close", resolve));
  const done = Promise.allSettled([handle(req, res), closed]).then(() => inFlight.delete(done));
  inFlight.add(done);
});
server.listen(port, hostname, () => {
  console.log(`[conduct] serving on http://${hostname ?? "localhost"}:${port}`);
});

// Requests still running after this long do not hold the stop up (they are logged).
const GRACE_MS = 10_000;

// SIGTERM / SIGINT: stop accepting connections, let the requests in flight finish (at most
// GRACE_MS), then close the database — PGlite writes its shutdown checkpoint, the PostgreSQL pool
// ends its sessions — and exit 0. A second signal exits at once, unless it is the same stop arriving
// twice: Ctrl-C reaches every process of the terminal's group and `npm start` (scripts/start.ts)
// passes it on as well, and systemd signals every process of the service.
// The database module is bundled inside Next's server chunks and cannot be imported from here; it
// registers its shutdown on globalThis (src/lib/server/db.ts), which this process shares with it.
const SAME_STOP_MS = 1_000;
let stoppingSince = 0;
async function shutdown(signal) {
  if (stopping) {
    if (Date.now() - stoppingSince < SAME_STOP_MS) return;
    console.error(`[conduct] ${signal} again: exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  stoppingSince = Date.now();
  console.log(`[conduct] ${signal}: finishing ${inFlight.size} request(s), then closing the database`);
  server.close();
  server.closeIdleConnections();
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(true), GRACE_MS)));
  const finished = (async () => {
    while (inFlight.size) await Promise.all(inFlight);
    return false;
  })();
  if (await Promise.race([finished, timedOut]))
    console.error(`[conduct] ${inFlight.size} request(s) still running after ${GRACE_MS / 1000} s: closing anyway`);
  clearTimeout(timer);
  server.closeAllConnections();
  let code = 0;
  try {
    const close = globalThis[Symbol.for("conduct.closeDatabase")];
    if (close) await close();
    console.log("[conduct] database closed");
  } catch (err) {
    console.error("[conduct] could not close the database", err);
    code = 1;
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(signal));

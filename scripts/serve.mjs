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
// Read once by src/lib/server/env.ts; set before Next loads anything.
process.env.CONDUCT_PEER_TOKEN = token;
process.env.NODE_ENV = "production";

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // Replaces whatever a client sent under this name.
  req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ""}`;
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`[conduct] serving on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running after 10 s do not hold the stop up.
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

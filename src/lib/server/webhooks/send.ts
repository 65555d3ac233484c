import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Target } from "./address";

export const TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is kept for the log: enough for an error message, never a flood. */
export const MAX_RESPONSE_BYTES = 4096;

export type SendResult = { status: number; body: string } | { error: string };

/**
 * One POST to the checked address. No redirects are followed (node:http never does; a 3xx is a
 * failure, since a redirect could point anywhere), the whole exchange is bounded by TIMEOUT_MS, and
 * at most MAX_RESPONSE_BYTES of the answer are read before the connection is dropped.
 */
export function post(target: Target, headers: Record<string, string>, body: string, timeoutMs = TIMEOUT_MS) {
  // Connect to the address that passed the checks, whatever the resolver says now; TLS still
  // verifies the certificate against the host name (servername comes from the URL).
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Conduct-Webhooks/1",
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        res.on("data", (chunk: Buffer) => {
          const room = MAX_RESPONSE_BYTES - size;
          if (room > 0) chunks.push(chunk.subarray(0, room));
          size += chunk.length;
          if (size >= MAX_RESPONSE_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on("end", finish);
        res.on("error", finish);
        res.on("close", finish);
      },
    );
    const timer = setTimeout(() => {
      done({ error: `No answer within ${timeoutMs / 1000} s.` });
      req.destroy();
    }, timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) => done({ error: describe(err) }));
    req.end(body);
  });
}

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ECONNREFUSED":
      return "Connection refused.";
    case "ECONNRESET":
      return "The connection was reset.";
    case "ETIMEDOUT":
      return "The connection timed out.";
    default:
      return err.code ? `Could not connect (${err.code}).` : `Could not connect: ${err.message}`.slice(0, 300);
  }
}

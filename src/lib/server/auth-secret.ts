import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serverEnv } from "./env";

let secret: string | undefined;

/**
 * AUTH_SECRET when configured; otherwise one generated on first use and kept under the data
 * directory, so a new user needs no env file and sessions survive a restart.
 */
export function authSecret(): string {
  if (secret) return secret;
  const env = serverEnv();
  if (env.authSecret) return (secret = env.authSecret);
  if (env.dataDir === "memory://") return (secret = randomBytes(32).toString("base64url"));
  const file = path.join(env.dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true });
    // "wx" fails if another process wrote it first; then we read theirs.
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch {}
  }
  return (secret = readFileSync(file, "utf8").trim());
}

import "server-only";
import path from "node:path";
import { z } from "zod";

// Configuration is read once, here, and validated: nothing else reads process.env.
const EnvSchema = z.object({
  // Set → a real PostgreSQL server; unset → the embedded PGlite database under CONDUCT_DATA_DIR.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Where the embedded database and the generated auth secret live. "memory://" keeps the
  // embedded database in memory (tests).
  CONDUCT_DATA_DIR: z.string().min(1).default("data"),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Statements slower than this many ms are logged (see slowQueryMs below).
  CONDUCT_SLOW_QUERY_MS: z
    .literal("")
    .or(z.string().regex(/^\d+$/, "CONDUCT_SLOW_QUERY_MS must be a whole number of milliseconds"))
    .optional(),
  // Where people reach the app, e.g. https://conduct.example.com. https:// makes the session cookies
  // Secure and sends HSTS on every response (src/lib/server/transport.ts); unset: the request decides.
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, "APP_URL must be an http:// or https:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // How many reverse proxies in front of the app set X-Forwarded-* headers we may believe; 0 (the
  // default): none, so a client cannot claim HTTPS (or an address) by sending the header itself.
  TRUST_PROXY_HOPS: z.string().regex(/^\d+$/, "TRUST_PROXY_HOPS must be a whole number").default("0").transform(Number),
});

export interface ServerEnv {
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  production: boolean;
  appUrl: string | undefined;
  trustProxyHops: number;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  cached = {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.CONDUCT_DATA_DIR === "memory://" ? e.CONDUCT_DATA_DIR : path.resolve(e.CONDUCT_DATA_DIR),
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET,
    production: e.NODE_ENV === "production",
    appUrl: e.APP_URL,
    trustProxyHops: e.TRUST_PROXY_HOPS,
  };
  return cached;
}

/**
 * Statements slower than this are logged as "[slow-query]" (src/lib/server/query-log.ts); 0 logs
 * every statement. Read on its own, not through serverEnv(), because scripts open databases before
 * they set the rest of the configuration (serverEnv() would cache it too early).
 */
export function slowQueryMs(): number {
  const parsed = EnvSchema.shape.CONDUCT_SLOW_QUERY_MS.safeParse(process.env.CONDUCT_SLOW_QUERY_MS || undefined);
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data ? Number(parsed.data) : 250;
}

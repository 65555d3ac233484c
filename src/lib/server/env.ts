import "server-only";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_API_RATE_LIMIT, DEFAULT_API_FAILURE_LIMIT } from "@/lib/domain/api-tokens";

/** Tick intervals that divide an hour. */
const NOTIFY_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

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
  // The key Next encrypts server actions' closed-over values with. Unset, each build makes its own; with
  // several processes or builds it must be the same everywhere: base64 of 16, 24 or 32 random bytes.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && [16, 24, 32].includes(Buffer.from(v, "base64").length),
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (e.g. `openssl rand -base64 32`)",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // PostgreSQL connections each process may hold (Prisma, the job queue and the migration runner share
  // them). Processes × this must stay under the server's max_connections (or PgBouncer's pool).
  CONDUCT_DB_POOL_SIZE: z
    .literal("")
    .or(z.string().regex(/^[1-9]\d*$/, "CONDUCT_DB_POOL_SIZE must be a whole number above 0"))
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  // The key that seals secrets stored in the database (single sign-on client secrets), with AES-256-GCM:
  // base64 of 32 random bytes. Unset: derived from the auth secret (docs/decisions/034).
  CONDUCT_SECRET_KEY: z
    .string()
    .refine(
      (v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32,
      "CONDUCT_SECRET_KEY must be base64 of 32 bytes (e.g. `openssl rand -base64 32`)",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Statements slower than this many ms are logged (see slowQueryMs below).
  CONDUCT_SLOW_QUERY_MS: z
    .literal("")
    .or(z.string().regex(/^\d+$/, "CONDUCT_SLOW_QUERY_MS must be a whole number of milliseconds"))
    .optional(),
  // on (the default): an embedded-database commit returns once its WAL record is on the disk, so an
  // operating-system crash or power cut loses no acknowledged entry; off: faster, but such a crash can
  // lose the last acknowledged writes (docs/decisions/017). Ignored with DATABASE_URL.
  CONDUCT_EMBEDDED_FSYNC: z.enum(["on", "off"], { error: "CONDUCT_EMBEDDED_FSYNC must be on or off" }).optional(),
  // How many reverse proxies of our own stand in front of the app (docs/decisions/013): 0 (the
  // default) trusts no X-Forwarded-For header and uses the TCP peer's address.
  TRUST_PROXY_HOPS: z
    .string()
    .regex(/^\d+$/, "TRUST_PROXY_HOPS must be a whole number of proxies (0 when none)")
    .default("0"),
  // Set by scripts/serve.mjs for its own process: proves that the peer-address header came from it.
  CONDUCT_PEER_TOKEN: z.string().min(16).optional(),
  // Sign-ups allowed per client address per hour (issue 15).
  CONDUCT_SIGN_UP_LIMIT: z
    .string()
    .regex(/^[1-9]\d*$/, "CONDUCT_SIGN_UP_LIMIT must be a whole number above 0")
    .default("10"),
  // Calls allowed per API token per minute (issue 20, docs/decisions/031).
  CONDUCT_API_RATE_LIMIT: z
    .string()
    .regex(/^[1-9]\d*$/, "CONDUCT_API_RATE_LIMIT must be a whole number above 0")
    .optional(),
  // Refused token API calls (no or an invalid token) allowed per client address per minute.
  CONDUCT_API_FAILURE_LIMIT: z
    .string()
    .regex(/^[1-9]\d*$/, "CONDUCT_API_FAILURE_LIMIT must be a whole number above 0")
    .optional(),
  // Where people reach the app, e.g. https://conduct.example.com. https:// makes the session cookies
  // Secure and sends HSTS on every response (src/lib/server/transport.ts); unset: the request decides.
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, "APP_URL must be an http:// or https:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Whether webhooks must use https:// (docs/decisions/020): "required" (the default in production) or
  // "optional" (the default otherwise). http:// to loopback stays possible where private addresses are allowed.
  CONDUCT_WEBHOOK_HTTPS: z
    .enum(["required", "optional"], { error: "CONDUCT_WEBHOOK_HTTPS must be required or optional" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Outgoing mail (docs/decisions/019): smtp://user:pass@host:port or smtps://…; unset, every message
  // stays in the in-app outbox.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Conduct <no-reply@localhost>"),
  // Where the links in e-mail point when APP_URL is unset: this server's own port.
  PORT: z
    .string()
    .regex(/^\d+$/, "PORT must be a port number")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // off: this process runs no job worker (it still queues jobs), e.g. web processes behind a
  // separate `npm run worker` (docs/decisions/018). on (the default): the server works the queue itself.
  CONDUCT_WORKER: z.enum(["on", "off"], { error: "CONDUCT_WORKER must be on or off" }).default("on"),
  // Minutes between the notification ticks that send due cues, digests and reminders (default 5). A whole
  // number that divides an hour, so that the ticks fall at the same minutes every hour.
  CONDUCT_NOTIFY_EVERY_MINUTES: z
    .literal("")
    .or(
      z
        .string()
        .refine(
          (v) => NOTIFY_MINUTES.includes(Number(v)) && /^\d+$/.test(v),
          `CONDUCT_NOTIFY_EVERY_MINUTES must be one of ${NOTIFY_MINUTES.join(", ")}`,
        ),
    )
    .optional(),
});

export interface ServerEnv {
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  secretKey: Buffer | undefined;
  actionsEncryptionKey: string | undefined;
  production: boolean;
  trustProxyHops: number;
  peerToken: string | undefined;
  signUpLimit: number;
  apiRateLimit: number;
  apiFailureLimit: number;
  appUrl: string | undefined;
  webhooksRequireHttps: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  port: number;
  worker: boolean;
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
    secretKey: e.CONDUCT_SECRET_KEY ? Buffer.from(e.CONDUCT_SECRET_KEY, "base64") : undefined,
    actionsEncryptionKey: e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    production: e.NODE_ENV === "production",
    trustProxyHops: Number(e.TRUST_PROXY_HOPS),
    peerToken: e.CONDUCT_PEER_TOKEN,
    signUpLimit: Number(e.CONDUCT_SIGN_UP_LIMIT),
    apiRateLimit: e.CONDUCT_API_RATE_LIMIT ? Number(e.CONDUCT_API_RATE_LIMIT) : DEFAULT_API_RATE_LIMIT,
    apiFailureLimit: e.CONDUCT_API_FAILURE_LIMIT ? Number(e.CONDUCT_API_FAILURE_LIMIT) : DEFAULT_API_FAILURE_LIMIT,
    appUrl: e.APP_URL,
    webhooksRequireHttps:
      (e.CONDUCT_WEBHOOK_HTTPS ?? (e.NODE_ENV === "production" ? "required" : "optional")) === "required",
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    port: Number(e.PORT ?? 3000),
    worker: e.CONDUCT_WORKER === "on",
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

/**
 * PostgreSQL connections per process (CONDUCT_DB_POOL_SIZE, default 10). Read on its own, like
 * slowQueryMs(), because scripts open databases before they set the rest of the configuration.
 */
export function dbPoolSize(): number {
  const parsed = EnvSchema.shape.CONDUCT_DB_POOL_SIZE.safeParse(process.env.CONDUCT_DB_POOL_SIZE || undefined);
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data ? Number(parsed.data) : 10;
}

/**
 * What a production process on PostgreSQL (DATABASE_URL) lacks to run beside others: the secrets every
 * process and every build must share (docs/decisions/029). Empty when nothing is missing, or when the
 * embedded database is used (one process, whose generated secret is kept under the data directory).
 */
export function missingSharedSecrets(): string[] {
  const env = serverEnv();
  if (!env.databaseUrl) return [];
  const missing: string[] = [];
  if (!env.authSecret) missing.push("AUTH_SECRET");
  if (!env.actionsEncryptionKey) missing.push("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
  return missing;
}

/**
 * Whether the embedded database writes its WAL through to the disk before a commit returns
 * (CONDUCT_EMBEDDED_FSYNC, default on; docs/decisions/017). Read on its own, like slowQueryMs(),
 * because scripts open databases before they set the rest of the configuration.
 */
export function embeddedFsync(): boolean {
  const parsed = EnvSchema.shape.CONDUCT_EMBEDDED_FSYNC.safeParse(process.env.CONDUCT_EMBEDDED_FSYNC || undefined);
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data !== "off";
}

/**
 * Minutes between notification ticks (CONDUCT_NOTIFY_EVERY_MINUTES, default 5). Read on its own, like
 * slowQueryMs(), because the worker script starts before the rest of the configuration is needed.
 */
export function notifyEveryMinutes(): number {
  const raw = process.env.CONDUCT_NOTIFY_EVERY_MINUTES || undefined;
  const parsed = EnvSchema.shape.CONDUCT_NOTIFY_EVERY_MINUTES.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data ? Number(parsed.data) : 5;
}

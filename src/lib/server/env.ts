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
});

export interface ServerEnv {
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  production: boolean;
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

import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // `server-only` throws outside a React Server Components bundle; tests call the server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

const integration = (name: string, db: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    // Tests of one database itself (files named embedded-* or postgres-*) run only on that one.
    exclude: db === "postgres" ? ["tests/integration/embedded-*.test.ts"] : ["tests/integration/postgres-*.test.ts"],
    // Seeding test data inserts in bulk; the slow-query log is for requests (see query-log.test.ts for its own threshold).
    // The peer token lets a test stamp a request's client address as scripts/serve.mjs does.
    env: { CONDUCT_TEST_DB: db, CONDUCT_SLOW_QUERY_MS: "10000", CONDUCT_PEER_TOKEN: "integration-peer" },
    setupFiles: ["tests/integration/support/per-file-database.ts"],
    globalSetup: [`tests/integration/support/${db === "postgres" ? "postgres-cluster" : "pglite-template"}.ts`],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks" as const,
  },
});

export default defineConfig({
  test: {
    // CI keeps a machine-readable copy for the closing summary line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "reports/vitest.json" }]] : ["default"],
    // One test file per core, and at least two: vitest's default leaves a core free (one worker on
    // a two-core machine), while an integration file spends much of its time waiting on PostgreSQL.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("integration-pglite", "pglite"),
      integration("integration-postgres", "postgres"),
    ],
  },
});

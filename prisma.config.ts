import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// The Prisma CLI is used only to generate the client and to write migration SQL
// (`migrate diff`); migrations are applied by our own runner (src/lib/server/migrate.ts)
// on both PGlite and PostgreSQL, because `migrate deploy` fails offline on PostgreSQL here.
// `engine: "js"` keeps the CLI on its WASM engines: a native engine would be downloaded.
// If DATABASE_URL cannot be resolved the CLI also falls back to a download, so give it a
// placeholder: the driver adapter, not this URL, decides where queries go.
process.env.DATABASE_URL ??= "postgresql://conduct:conduct@127.0.0.1:5432/conduct";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  // A throwaway in-memory PGlite: the CLI commands we use never need a real database.
  adapter: async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils;
    // the runtime contract is the same (checked by the integration tests).
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});

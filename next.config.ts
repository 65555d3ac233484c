import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WASM and data files from its own package directory at run time,
  // and the Prisma client's query compiler is WASM too: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "bcryptjs"],
};

export default config;

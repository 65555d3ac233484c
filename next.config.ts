import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { ACTION_BODY_LIMIT_BYTES } from "./src/lib/domain/import-limits";

// Headers every response gets. Pages get their Content-Security-Policy, with a per-request nonce,
// from src/proxy.ts; responses the proxy does not see (API routes, static files) get this strict one.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
const NO_SCRIPTS_CSP = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * One id per build, used as its build id and as Next's deploymentId: Next sends it with each client
 * navigation and server action, and a browser whose page came from another build reloads the page
 * instead of failing (docs/decisions/029). The build gets it from scripts/ensure-build.ts (`npm run build`),
 * or from the build's own files when `next build` runs directly; a server reads the build's own
 * (.next/BUILD_ID), so every process serving one build says the same. NEXT_DEPLOYMENT_ID overrides it.
 */
function buildId(phase: string): string | undefined {
  if (phase === PHASE_PRODUCTION_BUILD) {
    if (process.env.CONDUCT_BUILD_ID) return process.env.CONDUCT_BUILD_ID;
    const hash = createHash("sha256");
    for (const file of ["package-lock.json", "next.config.ts", "prisma/schema.prisma"])
      if (existsSync(file)) hash.update(readFileSync(file));
    return `build-${hash.digest("hex").slice(0, 16)}`;
  }
  const file = path.join(process.cwd(), ".next", "BUILD_ID");
  if (phase === PHASE_PRODUCTION_SERVER && existsSync(file)) return readFileSync(file, "utf8").trim();
  return undefined;
}

const config = (phase: string): NextConfig => ({
  poweredByHeader: false,
  deploymentId: buildId(phase),
  generateBuildId: async () => buildId(phase) ?? null,
  // PGlite loads its WASM and data files from its own package directory at run time,
  // and the Prisma client's query compiler is WASM too: keep them out of the bundle.
  // Imports post their file to a server action: the limit follows the import size (import-limits.ts).
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "bcryptjs",
    "pg-boss",
  ],
  // Browsers ask for /favicon.ico where a page names no icon (a 404 page may not): it is the app's icon.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [NO_SCRIPTS_CSP] },
    ];
  },
});

export default config;

import type { NextConfig } from "next";
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

const config: NextConfig = {
  poweredByHeader: false,
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
};

export default config;

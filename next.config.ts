import type { NextConfig } from "next";

// Headers every response gets. The script-src part of the Content-Security-Policy (a per-request
// nonce with 'strict-dynamic') is still to come (issue 7); these parts need no nonce.
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'" },
];

const config: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WASM and data files from its own package directory at run time,
  // and the Prisma client's query compiler is WASM too: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "bcryptjs"],
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default config;

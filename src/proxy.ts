import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/domain/csp";
import { SESSION_COOKIES } from "@/lib/domain/sessions";
import { inSignedInArea } from "@/lib/domain/signed-in-areas";
import { HSTS } from "@/lib/domain/transport";
import { requestIsHttps } from "@/lib/server/transport";

// Three jobs, none a security boundary for data (every page, action and data-layer call checks
// the session itself; see docs/decisions/003):
// 1. every page gets a Content-Security-Policy with a fresh nonce, which Next.js puts on its own
//    scripts (it reads the policy from the request headers);
// 2. visitors without a session cookie asking for a signed-in area go to sign-in, which returns
//    them to where they were going (src/lib/domain/signed-in-areas.ts); server components are told the
//    requested path;
// 3. over HTTPS (APP_URL or a trusted proxy says so), Strict-Transport-Security.

export function proxy(req: NextRequest) {
  const res = route(req);
  if (requestIsHttps((n) => req.headers.get(n))) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

function route(req: NextRequest): NextResponse {
  const path = req.nextUrl.pathname;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const protectedArea = inSignedInArea(path);
  if (protectedArea && !SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const url = req.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(path + req.nextUrl.search)}`;
    const res = NextResponse.redirect(url);
    res.headers.set("Content-Security-Policy", csp);
    return res;
  }
  const headers = new Headers(req.headers);
  headers.set("x-conduct-path", path);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = {
  // Every page; not the API and SCIM routes, Next's static files or the icon (they carry no scripts).
  matcher: [{ source: "/((?!api/|scim/|_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};

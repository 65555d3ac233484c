import { NextResponse, type NextRequest } from "next/server";

// Optimistic only: sends visitors without a session cookie to sign-in, remembering where they
// were going, and tells server components the requested path. It is NOT a security boundary;
// every page, action and data-layer call checks the session itself (see docs/decisions/003).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!hasSession) {
    const url = req.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(path + req.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(req.headers);
  headers.set("x-conduct-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Every signed-in area; a page missing here still refuses strangers, but sign-in would not return to it.
  matcher: [
    "/catalogue/:path*", "/log/:path*", "/barriers/:path*", "/surveys/:path*", "/interventions/:path*", "/dashboards/:path*", "/metrics/:path*",
    "/settings/:path*", "/teams/:path*", "/help/:path*",
  ],
};

import NextAuth from "next-auth";
import { authOptions, TOO_MANY_ATTEMPTS } from "@/lib/server/auth";
import { SIGN_IN_WINDOW_MS } from "@/lib/server/rate-limit";
import { HSTS } from "@/lib/domain/transport";
import { requestIsHttps } from "@/lib/server/transport";
import { sessionEndpoint } from "@/lib/server/session-endpoint";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 detects the App Router by the context's (awaited) params. Cookies are Secure (and
// named __Secure-/__Host-) when the browser came over HTTPS: next-auth would decide from
// NEXTAUTH_URL, which we leave unset, so it never did (src/lib/domain/transport.ts).
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  // next-auth's client logger endpoint writes whatever it is sent to the server log: nobody may.
  if (nextauth[0] === "_log") return new Response(null, { status: 404 });
  const secure = requestIsHttps((n) => req.headers.get(n));
  const res =
    nextauth[0] === "session"
      ? await sessionEndpoint(secure)
      : ((await NextAuth(req as never, ctx as never, authOptions({ secureCookies: secure }))) as Response);
  if (!secure) return res;
  const headers = new Headers(res.headers);
  headers.set("Strict-Transport-Security", HSTS);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/**
 * Sign-in attempts are throttled where the password is checked (authorize in src/lib/server/auth.ts),
 * whatever the body's format; here a refused attempt's JSON answer only gets its honest status.
 */
async function post(req: Request, ctx: Ctx): Promise<Response> {
  const res = await handler(req, ctx);
  if (!res.headers.get("content-type")?.includes("application/json")) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  if (typeof body?.url !== "string" || !body.url.includes(`error=${TOO_MANY_ATTEMPTS}`)) return res;
  const headers = new Headers(res.headers);
  headers.set("Retry-After", String(SIGN_IN_WINDOW_MS / 1000));
  return new Response(res.body, { status: 429, headers });
}

export { handler as GET, post as POST };

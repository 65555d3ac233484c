import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth";
import { clientIp, signInBlocked } from "@/lib/server/rate-limit";
import { normaliseEmail } from "@/lib/domain/accounts";
import { HSTS } from "@/lib/domain/transport";
import { requestIsHttps } from "@/lib/server/transport";
import { sessionEndpoint } from "@/lib/server/session-endpoint";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 detects the App Router by the context's (awaited) params. Cookies are Secure (and
// named __Secure-/__Host-) when the browser came over HTTPS: next-auth would decide from
// NEXTAUTH_URL, which we leave unset, so it never did (src/lib/domain/transport.ts).
async function handler(req: Request, ctx: Ctx) {
  const secure = requestIsHttps((n) => req.headers.get(n));
  const { nextauth } = await ctx.params;
  const res =
    nextauth[0] === "session"
      ? await sessionEndpoint(secure)
      : ((await NextAuth(req as never, ctx as never, authOptions({ secureCookies: secure }))) as Response);
  if (!secure) return res;
  const headers = new Headers(res.headers);
  headers.set("Strict-Transport-Security", HSTS);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Sign-in attempts are throttled here, before next-auth sees the password. */
async function post(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (
      typeof email === "string" &&
      (await signInBlocked(
        normaliseEmail(email),
        clientIp((n) => req.headers.get(n)),
      ))
    ) {
      // JSON with a url, as the next-auth client expects; the status says why.
      return Response.json(
        { url: new URL("/sign-in?error=TooManyAttempts", req.url).toString() },
        { status: 429, headers: { "Retry-After": "900" } },
      );
    }
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };

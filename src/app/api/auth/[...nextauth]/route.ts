import NextAuth from "next-auth";
import { authOptions, TOO_MANY_ATTEMPTS } from "@/lib/server/auth";
import { SIGN_IN_WINDOW_MS } from "@/lib/server/rate-limit";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 detects the App Router by the context's (awaited) params.
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  // next-auth's client logger endpoint writes whatever it is sent to the server log: nobody may.
  if (nextauth[0] === "_log") return new Response(null, { status: 404 });
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
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

import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth";
import { clientIp, signInBlocked } from "@/lib/server/rate-limit";
import { normaliseEmail } from "@/lib/domain/accounts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 detects the App Router by the context's (awaited) params.
function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
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

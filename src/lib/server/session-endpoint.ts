import "server-only";
import { cookies } from "next/headers";
import { SESSION_COOKIES } from "@/lib/domain/sessions";
import { getSession } from "./auth";

/**
 * /api/auth/session (GET, and POST: next-auth's session update), answered by the same database
 * check as every page and action instead of by next-auth, which accepts any token whose signature
 * and expiry are good (so a signed-out or revoked one) and re-issues the cookie. Nothing here writes
 * a session cookie: the idle and absolute limits live in the AuthSession row, not in the cookie.
 * A dead cookie is cleared. Our own client never reads this route; next-auth's signIn and signOut
 * helpers call it to broadcast the change to other tabs, and get `{}` when signed out, as before.
 */
export async function sessionEndpoint(secure: boolean): Promise<Response> {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const session = await getSession();
  if (session) return Response.json({ user: { name: session.user.name, email: session.user.email } }, { headers });
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`))) continue;
    // A __Secure- cookie can only be replaced by one that is Secure itself.
    const attrs = secure || name.startsWith("__Secure-") ? "; Secure" : "";
    headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${attrs}`);
  }
  return Response.json({}, { headers });
}

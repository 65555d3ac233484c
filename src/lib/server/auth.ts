import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "./auth-secret";
import { loadSession, revokeSessions, startSession, type LoadedSession } from "./data/accounts";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIES } from "@/lib/domain/sessions";
import { SignInInput } from "@/lib/schemas/auth";
import { safeNextPath } from "@/lib/domain/redirects";
import { clientIp } from "./rate-limit";
import { attemptSignIn } from "./data/sign-in";

/** The error next-auth passes to the client (`signIn()` returns it as `error`) when a limit refuses an attempt. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
/** The error when the address's organisation signs in through its identity provider only (docs/decisions/034). */
export const SSO_REQUIRED = "SsoRequired";

// The cookie cannot outlive the session's absolute limit; the 12-hour idle limit is enforced per
// request against the AuthSession row (see loadSession).
const SESSION_MAX_AGE = SESSION_ABSOLUTE_MS / 1000;

// Credentials need the JWT strategy; the token carries the user's session version and session id,
// which every request checks against the database, so sign-out, revocation and expiry take effect at once.
export function authOptions({ secureCookies = false }: { secureCookies?: boolean } = {}): NextAuthOptions {
  return {
    secret: authSecret(),
    // Decided per request from APP_URL or the trusted proxy (the route handler), not from NEXTAUTH_URL.
    useSecureCookies: secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/sign-in" },
    // NEXTAUTH_URL is deliberately unset (the client navigates itself; see the redirect callback).
    logger: {
      warn: (code) => void (code !== "NEXTAUTH_URL" && console.warn(`[next-auth] ${code}`)),
      error: (code, meta) => console.error(`[next-auth] ${code}`, meta),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = SignInInput.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const ip = clientIp((name) => headers[name]);
          // The throttle lives here, where the password is checked, so it holds for every body
          // next-auth accepts; a body it cannot read gives no credentials and fails above.
          const result = await attemptSignIn(parsed.data.email, parsed.data.password, ip);
          if (result.status === "blocked") throw new Error(TOO_MANY_ATTEMPTS);
          if (result.status === "sso-required") throw new Error(SSO_REQUIRED);
          if (result.status !== "ok") return null;
          const { user } = result;
          return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // Only same-site paths. (The client navigates itself after sign-in and sign-out, because
      // without NEXTAUTH_URL the server cannot know which host name the browser used.)
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeNextPath(path, "/")}`;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
          token.sid = await startSession(user.id);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === "string") await revokeSessions(token.uid);
      },
    },
  };
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user for this request, re-checked against the database; null when signed out. */
export const getSessionUser = cache(async (): Promise<SignedInUser | null> => (await getSession())?.user ?? null);

/** This request's session with the user's memberships, re-checked against the database; null when signed out. */
export const getSession = cache(async (): Promise<LoadedSession | null> => {
  const token = await sessionToken();
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string")
    return null;
  return loadSession(token.uid, token.sv, token.sid);
});

/** This browser's session id (to keep it while ending the others), or null when signed out. */
export const currentSessionId = cache(async (): Promise<string | null> => {
  const token = await sessionToken();
  return typeof token?.sid === "string" ? token.sid : null;
});

/**
 * The session token of this request, decrypted and checked (signature, expiry), or null. Read
 * directly rather than through getServerSession, which also re-encrypts and re-sends the cookie on
 * every request: the cookie's lifetime is already the session's absolute limit, and the idle limit
 * lives in the database, so that work bought nothing (issue 8: logging throughput).
 */
async function sessionToken(): Promise<Record<string, unknown> | null> {
  // The cookie, or its chunks (name.0, name.1, …) when next-auth had to split a large token.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const whole = jar.get(name)?.value;
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value);
    const raw = whole ?? (chunks.length ? chunks.join("") : undefined);
    if (!raw) continue;
    try {
      return (await decode({ token: raw, secret: authSecret() })) as Record<string, unknown> | null;
    } catch {
      return null; // forged, tampered with, or signed with another secret
    }
  }
  return null;
}

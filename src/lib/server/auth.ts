import "server-only";
import { cache } from "react";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "./auth-secret";
import { authenticate, loadSessionUser, revokeSessions, startSession } from "./data/accounts";
import { SESSION_ABSOLUTE_MS } from "@/lib/domain/sessions";
import { SignInInput } from "@/lib/schemas/auth";
import { safeNextPath } from "@/lib/domain/redirects";
import { clientIp } from "./rate-limit";

// The cookie cannot outlive the session's absolute limit; the 12-hour idle limit is enforced per
// request against the AuthSession row (see loadSessionUser).
const SESSION_MAX_AGE = SESSION_ABSOLUTE_MS / 1000;

// Credentials need the JWT strategy; the token carries the user's session version and session id,
// which every request checks against the database, so sign-out, revocation and expiry take effect at once.
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
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
          const user = await authenticate(parsed.data.email, parsed.data.password, ip);
          return user ? { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion } : null;
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
export const getSessionUser = cache(async (): Promise<SignedInUser | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: unknown; sv?: unknown; sid?: unknown } | null;
  if (!session || typeof session.uid !== "string" || typeof session.sv !== "number" || typeof session.sid !== "string") return null;
  return loadSessionUser(session.uid, session.sv, session.sid);
});

// Drives a whole single sign-on over HTTP: the app's real route handlers (start, callback) with real
// Requests, and the loopback OpenID provider (tests/support/oidc-provider.ts) with fetch, following
// its redirects with a small cookie jar, as a browser would.
import { expect } from "vitest";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/server/auth-secret";
import { loadSession, type LoadedSession } from "@/lib/server/data/accounts";
import { ssoRedirectUri } from "@/lib/server/data/sso";
import { confirmSso, finishSso, startSso } from "@/lib/server/sso/flow";
import { db } from "@/lib/server/db";
import type { OidcOptions } from "@/lib/server/sso/oidc";
import type { TestIdp } from "../../support/oidc-provider";

export interface FlowOptions {
  /** Changes the authorization request on its way to the provider (e.g. another nonce). */
  authUrl?: (url: URL) => void;
  /** Changes the provider's answer on its way back (e.g. another state). */
  callback?: (url: URL) => void;
  /** The callback leg's openid-client options (a skewed clock, a fetch that forges the ID token). */
  oidc?: OidcOptions;
  /** Leave the flow cookie out of the callback (another browser). */
  noFlowCookie?: boolean;
}

export interface FlowResult {
  /** Where the app sent the browser in the end. */
  location: string;
  /** The session the app's cookie names, re-checked against the database; null when none was set. */
  session: LoadedSession | null;
  setCookies: string[];
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1) ?? null;

export async function ssoFlow(idp: TestIdp, email: string, o: FlowOptions = {}): Promise<FlowResult> {
  const start = await startSso(
    new Request("http://localhost:3000/api/sso/start", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, next: "/log" }).toString(),
    }),
  );
  // The page navigates to the provider itself (a redirect would meet the page's CSP form-action).
  const answer = (await start.json()) as { location?: string; reason?: string };
  if (!answer.location) {
    expect(start.status).toBe(422);
    return { location: `/sign-in?sso=${answer.reason}`, session: null, setCookies: start.headers.getSetCookie() };
  }
  expect(start.status).toBe(200);
  const first = answer.location;
  expect(first.startsWith(idp.issuer)).toBe(true);
  const flowCookie = cookieOf(start, "conduct_sso");
  expect(flowCookie).toBeTruthy();
  let url = new URL(first);
  expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  o.authUrl?.(url);
  const jar = new Map<string, string>();
  for (let hop = 0; !url.href.startsWith(ssoRedirectUri()); hop++) {
    if (hop > 10) throw new Error("the provider kept redirecting");
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0]!;
      const i = pair.indexOf("=");
      if (pair.slice(i + 1)) jar.set(pair.slice(0, i), pair.slice(i + 1));
      else jar.delete(pair.slice(0, i));
    }
    const next = res.headers.get("location");
    if (!next) throw new Error(`the provider answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(next, url);
  }
  o.callback?.(url);
  const done = await finishSso(
    new Request(url, { headers: o.noFlowCookie ? {} : { cookie: `conduct_sso=${flowCookie}` } }),
    o.oidc,
  );
  return landed(done);
}

async function landed(done: Response): Promise<FlowResult> {
  expect(done.status).toBe(303);
  const token = cookieOf(done, "next-auth.session-token");
  let session: LoadedSession | null = null;
  if (token) {
    const jwt = await decode({ token, secret: authSecret() });
    session = await loadSession(String(jwt?.uid), Number(jwt?.sv), String(jwt?.sid));
  }
  return { location: done.headers.get("location")!, session, setCookies: done.headers.getSetCookie() };
}

/** The token of the newest confirmation link mailed to `email` (account mail: no organisation). */
export async function linkTokenMailedTo(email: string): Promise<string> {
  const mail = await db().mailMessage.findFirstOrThrow({
    where: { toAddress: email, kind: "sso.link" },
    orderBy: { createdAt: "desc" },
    select: { organizationId: true, text: true },
  });
  expect(mail.organizationId).toBeNull();
  const token = /\/sso\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

/** The confirmation page's button: POST /api/sso/confirm from the app's own page. */
export async function confirmLink(token: string, headers: Record<string, string> = {}): Promise<FlowResult> {
  const res = await confirmSso(
    new Request("http://localhost:3000/api/sso/confirm", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...headers },
      body: new URLSearchParams({ token }).toString(),
    }),
  );
  if (res.status === 403) return { location: "", session: null, setCookies: [] };
  return landed(res);
}

/** The refusal a location back to sign-in names (`/sign-in?sso=<reason>`), or null. */
export const refusalOf = (location: string) =>
  location.startsWith("/sign-in?") ? new URL(location, "http://x").searchParams.get("sso") : null;

import "server-only";
import { encode } from "next-auth/jwt";
import { authSecret } from "../auth-secret";
import { clientIp } from "../rate-limit";
import { requestIsHttps } from "../transport";
import { HSTS } from "@/lib/domain/transport";
import { ORG_COOKIE } from "../context";
import { startSession, type SessionUser } from "../data/accounts";
import { ssoConnectionById, ssoConnectionFor, ssoRedirectUri } from "../data/sso";
import { confirmSsoLink, signInWithSso } from "../data/sso-sign-in";
import { open, seal } from "./secret-box";
import { authorizationRequest, exchangeCode, failureOf, providerConfig, type OidcOptions } from "./oidc";
import { recordAudit } from "../audit";
import { SsoConfirmInput, SsoStartInput } from "@/lib/schemas/sso";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIES } from "@/lib/domain/sessions";
import { safeNextPath } from "@/lib/domain/redirects";
import { SSO_FLOW_MS, SSO_LINK_SENT, type SsoRefusal } from "@/lib/domain/sso";

// The two HTTP legs of a single sign-on (docs/decisions/034). Start: the e-mail's domain picks the
// organisation's provider; state, nonce and the PKCE verifier go into a short-lived cookie sealed
// with AES-GCM (httpOnly, SameSite=Lax so it comes back on the provider's top-level redirect, path
// limited to /api/sso), and the page is told where the provider's sign-in is. Callback: the cookie must be there
// and fresh, openid-client checks the answer against it, and the app's own session is created the
// way a password sign-in creates it (an AuthSession row and next-auth's JWT cookie).

const FLOW_COOKIE = "conduct_sso";
const FLOW_PURPOSE = "sso-flow";

interface FlowState {
  c: string; // connection id
  s: string; // state
  n: string; // nonce
  v: string; // PKCE code verifier
  x: string; // where to go afterwards (a same-site path)
  e: number; // expires (ms since epoch)
}

const cookieAttrs = (secure: boolean) => `HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

function redirect(location: string, secure: boolean, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const c of cookies) headers.append("Set-Cookie", c);
  if (secure) headers.set("Strict-Transport-Security", HSTS);
  return new Response(null, { status: 303, headers });
}

const back = (reason: SsoRefusal, email: string | null, secure: boolean, clear = false) => {
  const q = new URLSearchParams({ sso: reason });
  if (email) q.set("email", email);
  const cleared = clear ? [`${FLOW_COOKIE}=; Path=/api/sso; Max-Age=0; ${cookieAttrs(secure)}`] : [];
  return redirect(`/sign-in?${q.toString()}`, secure, cleared);
};

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(/;\s*/)) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i) === name) return part.slice(i + 1);
  }
  return null;
}

/**
 * The start's answer: JSON, because the sign-in page navigates to the provider itself. A form post
 * answered with a redirect to another origin would be blocked by the page's CSP (`form-action
 * 'self'` applies to the redirects that follow a submission), and the provider's origin is not known
 * before the e-mail is typed.
 */
function startAnswer(
  body: { location: string } | { reason: SsoRefusal | "invalid-email" },
  secure: boolean,
  cookie?: string,
) {
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (cookie) headers.append("Set-Cookie", cookie);
  if (secure) headers.set("Strict-Transport-Security", HSTS);
  return Response.json(body, { status: "location" in body ? 200 : 422, headers });
}

/** POST /api/sso/start (form fields: email, next) → `{ location }` of the provider, or `{ reason }`. */
export async function startSso(req: Request, options: OidcOptions = {}): Promise<Response> {
  const secure = requestIsHttps((n) => req.headers.get(n));
  const form = await req.formData().catch(() => null);
  const parsed = SsoStartInput.safeParse({ email: form?.get("email") ?? "" });
  const next = form?.get("next");
  if (!parsed.success) return startAnswer({ reason: "invalid-email" }, secure);
  const { email } = parsed.data;
  let conn: Awaited<ReturnType<typeof ssoConnectionFor>>;
  try {
    conn = await ssoConnectionFor(email);
  } catch {
    return startAnswer({ reason: "unavailable" }, secure);
  }
  if (!conn) return startAnswer({ reason: "not-covered" }, secure);
  let auth: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    const config = await providerConfig(conn.settings, options);
    auth = await authorizationRequest(config, ssoRedirectUri(), email);
  } catch (err) {
    console.warn(`[sso] discovery failed for organisation ${conn.organizationId}: ${failureOf(err).code}`);
    return startAnswer({ reason: "unavailable" }, secure);
  }
  const flow: FlowState = {
    c: conn.connectionId,
    s: auth.state,
    n: auth.nonce,
    v: auth.codeVerifier,
    x: safeNextPath(typeof next === "string" ? next : undefined, "/"),
    e: Date.now() + SSO_FLOW_MS,
  };
  const cookie = `${FLOW_COOKIE}=${seal(JSON.stringify(flow), FLOW_PURPOSE)}; Path=/api/sso; Max-Age=${SSO_FLOW_MS / 1000}; ${cookieAttrs(secure)}`;
  return startAnswer({ location: auth.url.href }, secure, cookie);
}

function readFlow(req: Request): FlowState | null {
  const raw = cookieValue(req, FLOW_COOKIE);
  const json = raw ? open(raw, FLOW_PURPOSE) : null;
  if (!json) return null;
  try {
    const f = JSON.parse(json) as FlowState;
    return typeof f.e === "number" && f.e > Date.now() ? f : null;
  } catch {
    return null;
  }
}

/** GET /api/sso/callback?code=…&state=… (the redirect URI registered at the provider). */
export async function finishSso(req: Request, options: OidcOptions = {}): Promise<Response> {
  const secure = requestIsHttps((n) => req.headers.get(n));
  const ip = clientIp((n) => req.headers.get(n));
  const flow = readFlow(req);
  if (!flow) return back("expired", null, secure, true);
  let conn: Awaited<ReturnType<typeof ssoConnectionById>>;
  try {
    conn = await ssoConnectionById(flow.c);
  } catch {
    return back("unavailable", null, secure, true);
  }
  if (!conn) return back("expired", null, secure, true);
  // The URL the provider sent the browser to, rebuilt on the registered redirect URI: behind a
  // proxy the request's own URL may name another host, and openid-client compares redirect_uri.
  const callbackUrl = new URL(ssoRedirectUri());
  callbackUrl.search = new URL(req.url).search;
  let identity: Awaited<ReturnType<typeof exchangeCode>>;
  try {
    const config = await providerConfig(conn.settings, options);
    identity = await exchangeCode(config, callbackUrl, { state: flow.s, nonce: flow.n, codeVerifier: flow.v });
  } catch (err) {
    const failure = failureOf(err);
    await recordAudit({
      organizationId: conn.organizationId,
      action: "sso.sign-in",
      targetType: "SsoConnection",
      targetId: conn.connectionId,
      outcome: "denied",
      ip,
      details: { reason: failure.kind, code: failure.code },
    });
    return back(failure.kind, null, secure, true);
  }
  const result = await signInWithSso(conn, identity, ip, flow.x);
  if (result.status === "refused") return back(result.reason, identity.email, secure, true);
  const cleared = `${FLOW_COOKIE}=; Path=/api/sso; Max-Age=0; ${cookieAttrs(secure)}`;
  if (result.status === "confirm")
    return redirect(`/sign-in?${new URLSearchParams({ sso: SSO_LINK_SENT, email: result.email })}`, secure, [cleared]);
  return redirect(flow.x, secure, [cleared, ...(await signedIn(result.user, conn.organizationId, secure))]);
}

/**
 * POST /api/sso/confirm (form field: token), from the page the e-mailed link opens: a button, not
 * the link itself, confirms, since mail scanners open links. Links the identity and signs in.
 */
export async function confirmSso(req: Request): Promise<Response> {
  const secure = requestIsHttps((n) => req.headers.get(n));
  const ip = clientIp((n) => req.headers.get(n));
  // Only this app's own page may post it: another site posting its own link would sign the
  // visitor's browser in to the other site's account (login CSRF).
  if (!fromThisSite(req)) return new Response("Cross-site request refused.", { status: 403 });
  const form = await req.formData().catch(() => null);
  const parsed = SsoConfirmInput.safeParse({ token: form?.get("token") ?? "" });
  const result = parsed.success
    ? await confirmSsoLink(parsed.data.token, ip)
    : ({ status: "refused", reason: "used-or-expired" } as const);
  if (result.status === "refused")
    return back(result.reason === "disabled" ? "disabled" : "link-unusable", null, secure);
  return redirect(result.next, secure, await signedIn(result.user, result.organizationId, secure));
}

/** Sec-Fetch-Site where the browser sends it, else the Origin's host against the Host the request came to. */
function fromThisSite(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.get("host");
  } catch {
    return false;
  }
}

/** The session cookie, and this organisation as the one the browser opens in (re-checked on every request). */
async function signedIn(user: SessionUser, organizationId: string, secure: boolean): Promise<string[]> {
  return [
    await sessionCookie(user, secure),
    `${ORG_COOKIE}=${organizationId}; Path=/; Max-Age=${400 * 86_400}; ${cookieAttrs(secure)}`,
  ];
}

/** The same session a password sign-in makes: an AuthSession row, and next-auth's JWT naming it. */
async function sessionCookie(user: SessionUser, secure: boolean): Promise<string> {
  const maxAge = SESSION_ABSOLUTE_MS / 1000;
  const sid = await startSession(user.id);
  const token = await encode({
    token: { name: user.name, email: user.email, sub: user.id, uid: user.id, sv: user.sessionVersion, sid },
    secret: authSecret(),
    maxAge,
  });
  const name = secure ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
  return `${name}=${token}; Path=/; Max-Age=${maxAge}; ${cookieAttrs(secure)}`;
}

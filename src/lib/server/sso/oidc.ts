import "server-only";
import * as client from "openid-client";

// The OpenID Connect relying party, on openid-client 6 (docs/decisions/034): discovery, the
// authorization request with PKCE (S256), state and nonce, and the code exchange, whose ID token
// openid-client checks (iss, aud, exp, iat, nonce, and with non-repudiation checks on, its signature
// against the provider's JWKS).
// Nothing here touches the database.

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** For tests: a clock off by this many seconds, or a fetch that sees (and may change) every answer. */
export interface OidcOptions {
  clockSkew?: number;
  fetch?: client.CustomFetch;
}

const SCOPE = "openid email profile";
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { config: client.Configuration; at: number }>();

/** Discovery for these settings; reused for 10 minutes (it also holds the provider's keys). */
export async function providerConfig(p: ProviderSettings, options: OidcOptions = {}): Promise<client.Configuration> {
  const key = JSON.stringify([p.issuer, p.clientId, p.clientSecret]);
  const testing = options.clockSkew !== undefined || options.fetch !== undefined;
  const hit = testing ? undefined : cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const issuer = new URL(p.issuer);
  const metadata: Partial<client.ClientMetadata> = { client_secret: p.clientSecret };
  if (options.clockSkew !== undefined) metadata[client.clockSkew] = options.clockSkew;
  const config = await client.discovery(issuer, p.clientId, metadata, client.ClientSecretBasic(p.clientSecret), {
    // Verify the ID token's signature against the provider's JWKS even though it comes straight from
    // the token endpoint (openid-client would otherwise trust the TLS connection alone, which OIDC
    // Core 3.1.3.7 permits): a token that a proxy, a misconfigured provider or a test forged is refused.
    // Plain http only reaches a provider on loopback: the issuer check (src/lib/domain/sso.ts) allows nothing else.
    execute: [
      client.enableNonRepudiationChecks,
      ...(issuer.protocol === "http:" ? [client.allowInsecureRequests] : []),
    ],
    timeout: 10,
    ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
  });
  if (!testing) {
    if (cache.size > 100) cache.clear();
    cache.set(key, { config, at: Date.now() });
  }
  return config;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationRequest(
  config: client.Configuration,
  redirectUri: string,
  loginHint: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: loginHint,
  });
  return { url, state, nonce, codeVerifier };
}

export interface VerifiedIdentity {
  sub: string;
  email: string | null;
  emailVerified: boolean;
  claims: Record<string, unknown>;
}

/**
 * The provider's answer at the redirect URI, exchanged and verified. `callbackUrl` is the redirect
 * URI with the query the browser brought. Throws (openid-client's errors) on a wrong state, a wrong
 * nonce, a bad signature, an expired token or a provider error; see refusalOf.
 */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    pkceCodeVerifier: expected.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("no ID token");
  let claims: Record<string, unknown> = { ...idClaims };
  // Some providers put e-mail in the userinfo answer only (its sub is checked to be the ID token's).
  if (typeof claims.email !== "string" && tokens.access_token)
    claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...claims };
  return {
    sub: idClaims.sub,
    email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null,
    // Only a literal true: a provider that says "true" as a string, or nothing, has not verified it.
    emailVerified: claims.email_verified === true,
    claims,
  };
}

/** What kind of failure an openid-client error is, for the refusal shown and the audit trail. */
export function failureOf(err: unknown): { kind: "provider-error" | "unavailable" | "invalid"; code: string } {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError)
    return { kind: "provider-error", code: err.error };
  const code = (err as { code?: unknown })?.code;
  if (typeof code === "string" && code.startsWith("OAUTH_")) return { kind: "invalid", code };
  if (
    err instanceof TypeError ||
    (err as { name?: string })?.name === "TimeoutError" ||
    (err as { name?: string })?.name === "AbortError"
  )
    return { kind: "unavailable", code: "network" };
  return { kind: "invalid", code: err instanceof Error ? err.message.slice(0, 80) : "unknown" };
}

/** A sentence for the admin's "Test connection", from a discovery failure. */
export function discoveryProblem(err: unknown, issuer: string): string {
  const { kind, code } = failureOf(err);
  if (kind === "unavailable")
    return `Conduct could not reach ${new URL(issuer).host}. Check the issuer URL, and that this server can reach the provider.`;
  if (code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED" || /issuer/i.test(code))
    return "The provider's discovery document names a different issuer. Enter the issuer exactly as the provider states it.";
  if (
    code === "OAUTH_RESPONSE_IS_NOT_CONFORM" ||
    code === "OAUTH_JSON_PARSE_FAILED" ||
    code === "OAUTH_RESPONSE_IS_NOT_JSON"
  )
    return "That address does not answer as an OpenID Connect provider (no discovery document at /.well-known/openid-configuration).";
  return "The provider's discovery document could not be used. Check the issuer URL.";
}

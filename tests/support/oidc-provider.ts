// A real OpenID Connect provider on loopback for the single sign-on tests (issue 20): oidc-provider 8
// with one confidential test client, PKCE required, its own RSA signing key, and an interaction that
// signs in whoever `idp.account` names at that moment without a login form (consent is granted by
// loadExistingGrant). Used by tests/integration/sso*.test.ts and tests/e2e/sso.spec.ts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

type ProviderGrant = InstanceType<Provider["Grant"]>;

export interface TestAccount {
  sub: string;
  email: string;
  /** Sent as is: anything but a literal true is "not verified" to Conduct. */
  email_verified: unknown;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next interaction signs in. */
  account: TestAccount;
  /** The kid of the provider's signing key (a forged token claims it too). */
  kid: string;
  close(): Promise<void>;
}

function rsaKey(): { privateKey: KeyObject; jwk: Record<string, unknown>; kid: string } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  return { privateKey, jwk: { ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }, kid };
}

export async function startTestIdp(options: {
  redirectUris: string[];
  port?: number;
  host?: string;
}): Promise<TestIdp> {
  const host = options.host ?? "127.0.0.1";
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  // A test file that never closes it (the role matrix) does not keep its worker alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const key = rsaKey();
  const idp: TestIdp = {
    issuer,
    clientId: `conduct-${randomBytes(4).toString("hex")}`,
    clientSecret: randomBytes(24).toString("base64url"),
    account: { sub: "nobody", email: "nobody@example.invalid", email_verified: false },
    kid: key.kid,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const provider: Provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [key.jwk] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The e-mail claims in the ID token itself (Conduct also reads userinfo when they are not).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const a = idp.account;
      if (sub !== a.sub) return Promise.resolve(undefined);
      return Promise.resolve({
        accountId: sub,
        claims: () =>
          Promise.resolve({
            sub,
            email: a.email,
            email_verified: a.email_verified,
            ...(a.name ? { name: a.name } : {}),
          }),
      });
    },
    // Consent is granted: this is the organisation's own provider and Conduct its own application.
    loadExistingGrant: async (ctx): Promise<ProviderGrant | undefined> => {
      const accountId = ctx.oidc.session.accountId;
      if (!accountId) return undefined;
      const grant = new (provider as Provider).Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const oidc = provider.callback();
  handler = (req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/interaction/")) {
      // Whoever `idp.account` is signs in at once: no login form.
      provider
        .interactionFinished(req, res, { login: { accountId: idp.account.sub } }, { mergeWithLastSubmission: false })
        .catch((err: unknown) => res.writeHead(500).end(String(err)));
      return;
    }
    oidc(req, res);
  };
  return idp;
}

/** An RS256 JWT signed with a key the provider never published (a forged ID token). */
export function forgeIdToken(payload: Record<string, unknown>, kid: string): string {
  const { privateKey } = rsaKey();
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT", kid })}.${part(payload)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(privateKey).toString("base64url");
  return `${input}.${signature}`;
}

/** The claims of a JWT, unverified (tests read what the provider issued). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

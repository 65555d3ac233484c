// Single sign-on with OpenID Connect (issue 20, docs/decisions/034) against a real provider on
// loopback (oidc-provider, tests/support/oidc-provider.ts), on both databases: the whole flow over
// HTTP through the app's route handlers, just-in-time membership, and each refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { SsoConnectionInput } from "@/lib/schemas/sso";
import {
  deleteSsoConnection,
  getSsoSettings,
  saveSsoConnection,
  SECRET_PURPOSE,
  ssoRedirectUri,
  testSsoConnection,
} from "@/lib/server/data/sso";
import { attemptSignIn } from "@/lib/server/data/sign-in";
import { setMemberStatus } from "@/lib/server/data/members";
import { loadSession, sessionMember } from "@/lib/server/data/accounts";
import { open, seal } from "@/lib/server/sso/secret-box";
import { confirmSso, finishSso } from "@/lib/server/sso/flow";
import { confirmSsoLink, ssoLinkPreview } from "@/lib/server/data/sso-sign-in";
import { RuleError } from "@/lib/server/errors";
import type { CustomFetch } from "openid-client";
import { buildMember, buildOrgScenario, buildUser, TEST_PASSWORD } from "../factories";
import { contextFor } from "./support/context";
import { confirmLink, linkTokenMailedTo, refusalOf, ssoFlow } from "./support/sso-flow";
import { forgeIdToken, jwtClaims, startTestIdp, type TestIdp } from "../support/oidc-provider";

let idp: TestIdp;
let other: TestIdp;
beforeAll(async () => {
  [idp, other] = await Promise.all([
    startTestIdp({ redirectUris: [ssoRedirectUri()] }),
    startTestIdp({ redirectUris: [ssoRedirectUri()] }),
  ]);
});
afterAll(async () => {
  await Promise.all([idp?.close(), other?.close()]);
});

let n = 0;
const domainName = () => `acme-${Date.now().toString(36)}-${++n}.test`;

/** An organisation whose admin has set up `provider` for a fresh domain. */
async function withSso(provider: TestIdp, over: { allowPassword?: boolean } = {}) {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const domain = domainName();
  await saveSsoConnection(
    admin,
    SsoConnectionInput.parse({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      domains: `${domain}\n`,
      allowPassword: over.allowPassword === false ? "" : "on",
    }),
  );
  return { s, admin, domain };
}

const as = (provider: TestIdp, email: string, over: Partial<TestIdp["account"]> = {}) => {
  provider.account = { sub: `sub-${email}`, email, email_verified: true, name: "Ada Lovelace", ...over };
};

describe("single sign-on, end to end over HTTP", () => {
  it("signs a new e-mail in: the account (no password) and a MEMBER membership are made, the session is live", async () => {
    const { s, domain } = await withSso(idp);
    const email = `ada@${domain}`;
    as(idp, email);
    const r = await ssoFlow(idp, email);
    expect(r.location).toBe("/log");
    expect(r.session?.user.email).toBe(email);
    expect(r.session?.user.name).toBe("Ada Lovelace");
    expect(r.session?.memberships.map((m) => [m.orgId, m.role])).toEqual([[s.org.id, "MEMBER"]]);
    expect(r.setCookies.some((c) => c.startsWith(`conduct_org=${s.org.id};`))).toBe(true);
    // The flow cookie is gone once used.
    expect(r.setCookies.some((c) => /^conduct_sso=;.*Max-Age=0/.test(c))).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } });
    expect(user.passwordHash).toBe("");
    // No password opens it.
    expect((await attemptSignIn(email, "", null)).status).toBe("failed");
    const events = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, actorUserId: user.id },
      select: { action: true, outcome: true, details: true },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ["membership.sso-join", "ok"],
      ["member.sign-in", "ok"],
      ["member.sign-in", "failed"], // the empty password above
    ]);
    expect(events[1]!.details).toMatchObject({ method: "sso", joined: true, created: true });
  });

  it("an existing account is linked only after it proves the e-mail: the provider's word alone signs nobody in", async () => {
    const { s, domain } = await withSso(idp);
    const elsewhere = await buildOrgScenario(db());
    const person = await buildMember(db(), elsewhere.org.id, "MANAGER", { email: `grace@${domain}` });
    as(idp, person.user.email);
    const r = await ssoFlow(idp, person.user.email);
    // No session: a notice on the sign-in page, and a link mailed to the address.
    expect(r.session).toBeNull();
    expect(new URL(r.location, "http://x").searchParams.get("sso")).toBe("link-sent");
    expect(await db().membership.count({ where: { userId: person.user.id, organizationId: s.org.id } })).toBe(0);
    // Account mail: the organisation whose provider asked cannot read it in its outbox.
    const token = await linkTokenMailedTo(person.user.email);
    expect(await db().mailMessage.count({ where: { organizationId: s.org.id, kind: "sso.link" } })).toBe(0);
    expect(await ssoLinkPreview(token)).toEqual({ email: person.user.email, organisationName: s.org.name });

    const confirmed = await confirmLink(token);
    expect(confirmed.location).toBe("/log");
    expect(confirmed.session?.user.id).toBe(person.user.id);
    expect(new Map(confirmed.session!.memberships.map((m) => [m.orgId, m.role]))).toEqual(
      new Map([
        [elsewhere.org.id, "MANAGER"],
        [s.org.id, "MEMBER"],
      ]),
    );
    // The link works once.
    expect(refusalOf((await confirmLink(token)).location)).toBe("link-unusable");
    expect(await ssoLinkPreview(token)).toBeNull();
    // Linked now: the next sign-in through the provider needs no mail.
    const mails = await db().mailMessage.count({ where: { toAddress: person.user.email } });
    expect((await ssoFlow(idp, person.user.email)).session?.user.id).toBe(person.user.id);
    expect(await db().mailMessage.count({ where: { toAddress: person.user.email } })).toBe(mails);
    // The password still works for the account (password sign-in stays allowed by default).
    expect((await attemptSignIn(person.user.email, TEST_PASSWORD, null)).status).toBe("ok");
    const actions = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, actorUserId: person.user.id },
      select: { action: true },
      orderBy: { at: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "sso.link-request",
      "membership.sso-join",
      "sso.link-confirm",
      "member.sign-in", // through the provider, linked
      "member.sign-in", // the password
    ]);
  });

  it("an existing member keeps their role once linked; a second attempt's link replaces the first", async () => {
    const { s, domain } = await withSso(idp);
    const leader = await buildMember(db(), s.org.id, "LEADER", { email: `lin@${domain}` });
    as(idp, leader.user.email);
    await ssoFlow(idp, leader.user.email);
    const first = await linkTokenMailedTo(leader.user.email);
    await ssoFlow(idp, leader.user.email);
    const second = await linkTokenMailedTo(leader.user.email);
    expect(second).not.toBe(first);
    expect(refusalOf((await confirmLink(first)).location)).toBe("link-unusable");
    const ok = await confirmLink(second);
    expect(ok.session?.memberships.map((m) => m.role)).toEqual(["LEADER"]);
    expect(await db().membership.count({ where: { userId: leader.user.id } })).toBe(1);
  });

  it("another site cannot post a confirmation (login CSRF), and an expired link is refused", async () => {
    const { s, domain } = await withSso(idp);
    const person = await buildMember(db(), s.org.id, "MEMBER", { email: `cy@${domain}` });
    as(idp, person.user.email);
    await ssoFlow(idp, person.user.email);
    const token = await linkTokenMailedTo(person.user.email);
    expect((await confirmLink(token, { "sec-fetch-site": "cross-site" })).session).toBeNull();
    const res = await confirmSso(
      new Request("http://localhost:3000/api/sso/confirm", {
        method: "POST",
        headers: { origin: "https://evil.example", host: "localhost:3000" },
        body: new URLSearchParams({ token }),
      }),
    );
    expect(res.status).toBe(403);
    // Still waiting after both refusals; thirty-one minutes on, it is not.
    expect(await ssoLinkPreview(token)).not.toBeNull();
    expect(await ssoLinkPreview(token, new Date(Date.now() + 31 * 60_000))).toBeNull();
    expect((await confirmSsoLink(token, null, new Date(Date.now() + 31 * 60_000))).status).toBe("refused");
    expect(await db().ssoIdentity.count({ where: { userId: person.user.id, confirmedAt: { not: null } } })).toBe(0);
  });

  it("two clicks of one link at once link the account once (eight rounds)", async () => {
    const { s, domain } = await withSso(idp);
    for (let round = 1; round <= 8; round++) {
      const person = await buildMember(db(), s.org.id, "MEMBER", { email: `race${round}@${domain}` });
      as(idp, person.user.email, { sub: `race-${round}` });
      await ssoFlow(idp, person.user.email);
      const token = await linkTokenMailedTo(person.user.email);
      const results = await Promise.all([confirmSsoLink(token, null), confirmSsoLink(token, null)]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual(["ok", "refused"]);
      const confirms = await db().auditEvent.count({
        where: { organizationId: s.org.id, action: "sso.link-confirm", actorUserId: person.user.id },
      });
      expect(confirms, `round ${round}`).toBe(1);
    }
  });

  it("stores the client secret sealed (AES-256-GCM), never as typed, and never shows it again", async () => {
    const { s, admin } = await withSso(idp);
    const row = await db().ssoConnection.findUniqueOrThrow({ where: { organizationId: s.org.id } });
    expect(JSON.stringify(row)).not.toContain(idp.clientSecret);
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    expect(open(row.clientSecretSealed, SECRET_PURPOSE)).toBe(idp.clientSecret);
    // Sealed for one purpose, it opens for no other; a changed byte does not open at all.
    expect(open(row.clientSecretSealed, "sso-flow")).toBeNull();
    const [v, iv, tag, ct] = row.clientSecretSealed.split(".");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(open([v, iv, tag, flipped.toString("base64url")].join("."), SECRET_PURPOSE)).toBeNull();
    expect(seal("x", SECRET_PURPOSE)).not.toBe(seal("x", SECRET_PURPOSE));
    const settings = await getSsoSettings(admin);
    expect(JSON.stringify(settings)).not.toContain(idp.clientSecret);
    expect(settings.connection?.hasSecret).toBe(true);
    expect(settings.redirectUri).toBe("http://localhost:3000/api/sso/callback");
    // Saving again with the secret left blank keeps it.
    await saveSsoConnection(
      admin,
      SsoConnectionInput.parse({
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: "",
        domains: settings.connection!.domains.join(","),
        allowPassword: "on",
      }),
    );
    const after = await db().ssoConnection.findUniqueOrThrow({ where: { organizationId: s.org.id } });
    expect(open(after.clientSecretSealed, SECRET_PURPOSE)).toBe(idp.clientSecret);
    const audit = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: { startsWith: "sso." } },
      select: { action: true, details: true },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["sso.create", "sso.update"]);
    expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
    expect(audit[1]!.details).toMatchObject({ secretChanged: false });
  });

  it("tests the connection by discovery, and says clearly why one does not work", async () => {
    const { s, admin, domain } = await withSso(idp);
    expect(await testSsoConnection(admin)).toEqual({
      issuer: idp.issuer,
      authorizationEndpoint: `${idp.issuer}/auth`,
    });
    const save = (issuer: string) =>
      saveSsoConnection(
        admin,
        SsoConnectionInput.parse({ issuer, clientId: "x", clientSecret: "", domains: domain, allowPassword: "on" }),
      );
    await save("http://127.0.0.1:9/");
    await expect(testSsoConnection(admin)).rejects.toThrow(/could not reach 127\.0\.0\.1:9/);
    await save(`${idp.issuer}/realms/none`);
    await expect(testSsoConnection(admin)).rejects.toThrow(/does not answer as an OpenID Connect provider/);
    await deleteSsoConnection(admin);
    await expect(testSsoConnection(admin)).rejects.toThrow(/Save the provider's settings first/);
    expect(await db().ssoDomain.count({ where: { organizationId: s.org.id } })).toBe(0);
  });
});

describe("single sign-on refusals", () => {
  it("refuses an e-mail the provider has not verified (false, missing, or the string 'true')", async () => {
    const { s, domain } = await withSso(idp);
    for (const [i, verified] of [false, undefined, "true"].entries()) {
      const email = `unverified-${i}@${domain}`;
      as(idp, email, { email_verified: verified });
      const r = await ssoFlow(idp, email);
      expect(refusalOf(r.location)).toBe("unverified");
      expect(r.session).toBeNull();
      expect(await db().user.count({ where: { email } })).toBe(0);
    }
    expect(
      await db().auditEvent.count({ where: { organizationId: s.org.id, action: "sso.sign-in", outcome: "denied" } }),
    ).toBe(3);
  });

  it("refuses a wrong state, a missing flow cookie, and a wrong nonce", async () => {
    const { domain } = await withSso(idp);
    const email = `eve@${domain}`;
    as(idp, email);
    const state = await ssoFlow(idp, email, { callback: (u) => u.searchParams.set("state", "not-the-state") });
    expect(refusalOf(state.location)).toBe("invalid");
    expect(state.session).toBeNull();
    const elsewhere = await ssoFlow(idp, email, { noFlowCookie: true });
    expect(refusalOf(elsewhere.location)).toBe("expired");
    const nonce = await ssoFlow(idp, email, { authUrl: (u) => u.searchParams.set("nonce", "someone-elses-nonce") });
    expect(refusalOf(nonce.location)).toBe("invalid");
    expect(nonce.session).toBeNull();
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("refuses an expired ID token (the app's clock two hours ahead) and one signed with another key", async () => {
    const { s, domain } = await withSso(idp);
    const email = `mallory@${domain}`;
    as(idp, email);
    const expired = await ssoFlow(idp, email, { oidc: { clockSkew: 2 * 3600 } });
    expect(refusalOf(expired.location)).toBe("invalid");
    // The provider's own token, its claims kept, signed with a key it never published.
    const forging: CustomFetch = async (url, init) => {
      const res = await fetch(url, init as RequestInit);
      if (!url.endsWith("/token")) return res;
      const body = (await res.json()) as { id_token: string };
      const forged = { ...body, id_token: forgeIdToken(jwtClaims(body.id_token), idp.kid) };
      return new Response(JSON.stringify(forged), { status: res.status, headers: res.headers });
    };
    const forged = await ssoFlow(idp, email, { oidc: { fetch: forging } });
    expect(refusalOf(forged.location)).toBe("invalid");
    expect(forged.session).toBeNull();
    expect(await db().user.count({ where: { email } })).toBe(0);
    const reasons = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "sso.sign-in" },
      select: { details: true },
    });
    expect(reasons.map((r) => (r.details as { code: string }).code)).toContain("OAUTH_JWT_TIMESTAMP_CHECK_FAILED");
  });

  it("refuses an address of a domain another organisation's sign-on covers, or none covers", async () => {
    const a = await withSso(idp);
    const b = await withSso(other);
    // A's provider answers with an address of B's domain: A's provider cannot speak for B.
    as(idp, `bob@${b.domain}`);
    const r = await ssoFlow(idp, `carol@${a.domain}`);
    expect(refusalOf(r.location)).toBe("other-organisation");
    expect(await db().user.count({ where: { email: `bob@${b.domain}` } })).toBe(0);
    as(idp, "dave@uncovered.test");
    expect(refusalOf((await ssoFlow(idp, `carol@${a.domain}`)).location)).toBe("wrong-domain");
    // Typed at the start: nobody's domain.
    const start = await ssoFlow(idp, "someone@nobody-covers.test");
    expect(refusalOf(start.location)).toBe("not-covered");
    // B's domain goes to B's provider.
    as(other, `bob@${b.domain}`);
    const atB = await ssoFlow(other, `bob@${b.domain}`);
    expect(atB.session?.memberships.map((m) => m.orgId)).toEqual([b.s.org.id]);
    // A domain belongs to one organisation only: B cannot claim A's.
    await expect(
      saveSsoConnection(
        b.admin,
        SsoConnectionInput.parse({
          issuer: other.issuer,
          clientId: other.clientId,
          clientSecret: "",
          domains: `${b.domain}\n${a.domain}`,
          allowPassword: "on",
        }),
      ),
    ).rejects.toMatchObject({ field: "domains", message: expect.stringMatching(/another organisation/) });
    expect((await db().ssoDomain.findUniqueOrThrow({ where: { domain: a.domain } })).organizationId).toBe(a.s.org.id);
  });

  it("a disabled member's SSO session ends, and their next SSO sign-in is refused; enabled again, it works", async () => {
    const { s, admin, domain } = await withSso(idp);
    const email = `frank@${domain}`;
    as(idp, email);
    const first = await ssoFlow(idp, email);
    expect(first.session && sessionMember(first.session, s.org.id)?.orgId).toBe(s.org.id);
    const userId = first.session!.user.id;
    const membership = await db().membership.findFirstOrThrow({ where: { userId, organizationId: s.org.id } });
    const token = await db().authSession.findFirstOrThrow({ where: { userId }, select: { id: true } });
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    await setMemberStatus(admin, membership.id, "DISABLED");
    // The same browser's session no longer reaches the organisation (every request re-reads memberships).
    const after = await loadSession(userId, user.sessionVersion, token.id);
    expect(after && sessionMember(after, s.org.id)).toBeNull();
    const again = await ssoFlow(idp, email);
    expect(refusalOf(again.location)).toBe("disabled");
    expect(again.session).toBeNull();
    expect((await db().membership.findUniqueOrThrow({ where: { id: membership.id } })).status).toBe("DISABLED");
    await setMemberStatus(admin, membership.id, "ACTIVE");
    expect((await ssoFlow(idp, email)).session?.memberships.map((m) => m.orgId)).toEqual([s.org.id]);
  });

  it("with password sign-in off for the domains, the password form refuses those addresses and points to SSO", async () => {
    const { s, domain } = await withSso(idp, { allowPassword: false });
    const person = await buildMember(db(), s.org.id, "MEMBER", { email: `gina@${domain}` });
    expect((await attemptSignIn(person.user.email, TEST_PASSWORD, "198.51.100.7")).status).toBe("sso-required");
    // Other addresses are untouched.
    const outsider = await buildUser(db());
    expect((await attemptSignIn(outsider.email, TEST_PASSWORD, null)).status).toBe("ok");
    // SSO still signs that person in, once they have proved the e-mail.
    as(idp, person.user.email);
    expect((await ssoFlow(idp, person.user.email)).session).toBeNull();
    expect((await confirmLink(await linkTokenMailedTo(person.user.email))).session?.user.id).toBe(person.user.id);
  });

  it("refuses to save an unusable issuer, domain list or a missing first secret, beside the field", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const parse = (over: Record<string, string>) =>
      SsoConnectionInput.safeParse({
        issuer: "https://login.example.com",
        clientId: "conduct",
        clientSecret: "s3cret",
        domains: "example.com",
        allowPassword: "on",
        ...over,
      });
    const fieldOf = (r: ReturnType<typeof parse>) => (r.success ? null : r.error.issues[0]?.path[0]);
    expect(fieldOf(parse({ issuer: "http://login.example.com" }))).toBe("issuer");
    expect(fieldOf(parse({ issuer: "https://login.example.com/?a=1" }))).toBe("issuer");
    expect(fieldOf(parse({ domains: "" }))).toBe("domains");
    expect(fieldOf(parse({ domains: "not a domain!" }))).toBe("domains");
    expect(parse({ domains: "@Example.COM, other.example" }).data?.domains).toEqual(["example.com", "other.example"]);
    const noSecret = parse({ clientSecret: "" });
    await expect(saveSsoConnection(admin, noSecret.data!)).rejects.toBeInstanceOf(RuleError);
    await expect(saveSsoConnection(admin, noSecret.data!)).rejects.toMatchObject({ field: "clientSecret" });
    expect(await db().ssoConnection.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("keeps each organisation's settings its own: another admin reads, tests and removes only theirs", async () => {
    const a = await withSso(idp);
    const b = await buildOrgScenario(db());
    const bAdmin = await contextFor(b.admin.user.id, b.org.id);
    expect((await getSsoSettings(bAdmin)).connection).toBeNull();
    await expect(testSsoConnection(bAdmin)).rejects.toThrow(/Save the provider's settings first/);
    await deleteSsoConnection(bAdmin);
    expect(await db().ssoConnection.count({ where: { organizationId: a.s.org.id } })).toBe(1);
    expect((await getSsoSettings(a.admin)).connection?.domains).toEqual([a.domain]);
  });

  it("refuses a flow cookie that was changed or sealed for something else", async () => {
    const { domain } = await withSso(idp);
    const email = `oscar@${domain}`;
    as(idp, email);
    const callback = new Request(`${ssoRedirectUri()}?code=x&state=y`, {
      headers: {
        cookie: `conduct_sso=${seal(JSON.stringify({ c: "x", s: "y", n: "z", v: "w", x: "/", e: Date.now() + 60_000 }), SECRET_PURPOSE)}`,
      },
    });
    const res = await finishSso(callback);
    expect(refusalOf(res.headers.get("location")!)).toBe("expired");
    const garbled = await finishSso(
      new Request(callback.url, { headers: { cookie: "conduct_sso=v1.AAAA.BBBB.CCCC" } }),
    );
    expect(refusalOf(garbled.headers.get("location")!)).toBe("expired");
  });
});

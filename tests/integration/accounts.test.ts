import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  authenticate,
  createAccountWithOrganization,
  createOrganizationFor,
  listOrganizationsOf,
  loadSession,
  memberContext,
  revokeSessions,
  sessionMember,
  startSession,
} from "@/lib/server/data/accounts";
import { RuleError } from "@/lib/server/errors";
import { SignUpInput } from "@/lib/schemas/auth";
import { buildMembership, buildOrgScenario, buildUser, TEST_PASSWORD } from "../factories";

/** The user of a live session, or null (what every request asks). */
const loadSessionUser = async (...args: Parameters<typeof loadSession>) => (await loadSession(...args))?.user ?? null;

const signUp = (over: Partial<Record<string, string>> = {}) =>
  SignUpInput.parse({
    name: "Grace Hopper",
    email: `grace-${Math.random().toString(36).slice(2)}@example.test`,
    password: "a-long-passphrase",
    organizationName: "Acme Support",
    ...over,
  });

describe("sign-up", () => {
  it("creates the organisation with the new user as its only admin", async () => {
    const input = signUp();
    const { userId, organizationId } = await createAccountWithOrganization(input);
    const memberships = await db().membership.findMany({
      where: { organizationId },
      select: { userId: true, role: true, status: true },
    });
    expect(memberships).toEqual([{ userId, role: "ADMIN", status: "ACTIVE" }]);
    const org = await db().organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org.name).toBe("Acme Support");
    expect(org.slug).toMatch(/^acme-support/);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).not.toContain("a-long-passphrase");
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
  });

  it("refuses a second account with the same e-mail, whatever its case, and writes nothing", async () => {
    const input = signUp();
    await createAccountWithOrganization(input);
    const before = await db().organization.count();
    const again = SignUpInput.parse({ ...input, email: input.email.toUpperCase(), password: "another-passphrase" });
    await expect(createAccountWithOrganization(again)).rejects.toMatchObject({ field: "email" });
    await expect(createAccountWithOrganization(again)).rejects.toBeInstanceOf(RuleError);
    expect(await db().organization.count()).toBe(before);
  });

  it("refuses the most common passwords, whatever their case, and writes nothing", async () => {
    const before = await db().user.count();
    for (const password of ["password", "Baseball", "1qaz2wsx", "TRUSTNO1"]) {
      await expect(createAccountWithOrganization(signUp({ password }))).rejects.toMatchObject({
        field: "password",
        message: expect.stringMatching(/most common passwords/),
      });
    }
    expect(await db().user.count()).toBe(before);
    const { readFileSync } = await import("node:fs");
    const list = readFileSync("src/lib/server/common-passwords.txt", "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(list.length).toBeGreaterThanOrEqual(1000);
  });

  it("gives two organisations with the same name different slugs", async () => {
    const a = await createAccountWithOrganization(signUp({ organizationName: "Twin" }));
    const b = await createAccountWithOrganization(signUp({ organizationName: "Twin" }));
    const slugs = await db().organization.findMany({
      where: { id: { in: [a.organizationId, b.organizationId] } },
      select: { slug: true },
    });
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);
  });
});

describe("sign-in", () => {
  it("accepts the right password and answers unknown e-mail and wrong password identically", async () => {
    const user = await buildUser(db(), { email: "sign-in@example.test" });
    const ok = await authenticate("sign-in@example.test", TEST_PASSWORD);
    expect(ok).toMatchObject({ id: user.id, email: "sign-in@example.test", sessionVersion: 0 });
    expect(await authenticate("sign-in@example.test", "wrong-password")).toBeNull();
    expect(await authenticate("nobody@example.test", TEST_PASSWORD)).toBeNull();
    const failures = await db().auditEvent.count({ where: { action: "auth.sign-in", outcome: "failed" } });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it("records a member's sign-ins and failed attempts in each of their organisations' audit trails", async () => {
    const { userId, organizationId } = await createAccountWithOrganization({
      name: "Ana",
      email: "ana-audit@example.test",
      password: "a-long-unusual-phrase-42",
      organizationName: "Audit Org",
    });
    const second = await createOrganizationFor(userId, "Second Audit Org");
    await authenticate("ana-audit@example.test", "a-long-unusual-phrase-42", "203.0.113.9");
    await authenticate("ana-audit@example.test", "wrong-password", "203.0.113.9");
    for (const org of [organizationId, second]) {
      const events = await db().auditEvent.findMany({
        where: { organizationId: org, action: "member.sign-in" },
        orderBy: { at: "asc" },
        select: { outcome: true, ip: true, actorUserId: true },
      });
      expect(events).toEqual([
        { outcome: "ok", ip: "203.0.113.9", actorUserId: userId },
        { outcome: "failed", ip: "203.0.113.9", actorUserId: userId },
      ]);
    }
  });

  it("stops accepting a session token after its sessions are revoked (sign-out)", async () => {
    const user = await buildUser(db());
    const sid = await startSession(user.id);
    expect(await loadSessionUser(user.id, 0, sid)).toMatchObject({ id: user.id });
    await revokeSessions(user.id);
    expect(await loadSessionUser(user.id, 0, sid)).toBeNull();
    // A token with the new version still needs a live session: sign-out ended them all.
    expect(await loadSessionUser(user.id, 1, sid)).toBeNull();
    expect(await loadSessionUser(user.id, 1, await startSession(user.id))).toMatchObject({ id: user.id });
  });

  it("ends a session after 12 hours idle and 7 days after sign-in, and records activity", async () => {
    const user = await buildUser(db());
    const other = await buildUser(db());
    const t0 = new Date("2026-11-01T08:00:00Z");
    const h = (n: number) => new Date(t0.getTime() + n * 3600_000);
    const sid = await startSession(user.id, t0);
    // Someone else's session id proves nothing.
    expect(await loadSessionUser(other.id, 0, sid, h(1))).toBeNull();
    // Used every 11 hours, it stays alive; lastSeenAt follows.
    for (const at of [11, 22, 33]) expect(await loadSessionUser(user.id, 0, sid, h(at))).toMatchObject({ id: user.id });
    expect((await db().authSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(h(33));
    // 12 hours without a request: ended, and the row is gone.
    expect(await loadSessionUser(user.id, 0, sid, h(45))).toBeNull();
    expect(await db().authSession.count({ where: { id: sid } })).toBe(0);

    const busy = await startSession(user.id, t0);
    for (let at = 10; at < 7 * 24; at += 10) expect(await loadSessionUser(user.id, 0, busy, h(at))).not.toBeNull();
    expect(await loadSessionUser(user.id, 0, busy, h(7 * 24))).toBeNull();
  });
});

describe("organisation context", () => {
  it("uses the preferred organisation only when the user is an active member of it", async () => {
    const a = await buildOrgScenario(db(), { name: "Alpha" });
    const b = await buildOrgScenario(db(), { name: "Beta" });
    await buildMembership(db(), b.org.id, a.member.user.id, "MANAGER");

    const inB = await memberContext(a.member.user.id, b.org.id);
    expect(inB).toMatchObject({ orgId: b.org.id, role: "MANAGER" });
    // A forged preference for an organisation the user is not in falls back to their own.
    const forged = await memberContext(a.leader.user.id, b.org.id);
    expect(forged).toMatchObject({ orgId: a.org.id, role: "LEADER" });
    expect((await listOrganizationsOf(a.member.user.id)).map((o) => o.name).sort()).toEqual(["Alpha", "Beta"]);
  });

  it("reads the session and its active memberships in one go, and picks the organisation as memberContext does", async () => {
    const a = await buildOrgScenario(db(), { name: "Gamma" });
    const b = await buildOrgScenario(db(), { name: "Delta" });
    const c = await buildOrgScenario(db(), { name: "Epsilon" });
    await buildMembership(db(), b.org.id, a.member.user.id, "MANAGER");
    await buildMembership(db(), c.org.id, a.member.user.id, "ADMIN", "DISABLED");
    const session = (await loadSession(a.member.user.id, 0, await startSession(a.member.user.id)))!;
    expect(session.user).toMatchObject({ id: a.member.user.id });
    expect(session.memberships.map((m) => m.orgId).sort()).toEqual([a.org.id, b.org.id].sort());
    for (const preferred of [b.org.id, a.org.id, c.org.id, null]) {
      expect(sessionMember(session, preferred)).toEqual(await memberContext(a.member.user.id, preferred));
    }
    expect(sessionMember(session, c.org.id)?.orgId).not.toBe(c.org.id);
    // A user with no active membership has a session but no member context.
    const loner = await buildUser(db());
    const alone = (await loadSession(loner.id, 0, await startSession(loner.id)))!;
    expect(alone.memberships).toEqual([]);
    expect(sessionMember(alone, null)).toBeNull();
  });

  it("gives a disabled member no context in that organisation on the next request", async () => {
    const s = await buildOrgScenario(db());
    expect(await memberContext(s.member.user.id, s.org.id)).not.toBeNull();
    await db().membership.update({ where: { id: s.member.membership.id }, data: { status: "DISABLED" } });
    expect(await memberContext(s.member.user.id, s.org.id)).toBeNull();
  });

  it("lets an existing user create another organisation as its admin", async () => {
    const s = await buildOrgScenario(db());
    const orgId = await createOrganizationFor(s.member.user.id, "Side Project");
    expect(await memberContext(s.member.user.id, orgId)).toMatchObject({
      orgId,
      role: "ADMIN",
      orgName: "Side Project",
    });
  });
});

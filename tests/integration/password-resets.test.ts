import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { authenticate } from "@/lib/server/data/accounts";
import { createPasswordReset, resetLinkUsable, resetPassword } from "@/lib/server/data/password-resets";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { buildMember, buildMembership, buildOrgScenario, TEST_PASSWORD } from "../factories";
import { contextFor } from "./support/context";

const NEW = "a-fresh-long-passphrase";

async function scenario() {
  const s = await buildOrgScenario(db());
  return { s, admin: await contextFor(s.admin.user.id, s.org.id) };
}

describe("password reset links", () => {
  it("lets a member set a new password once: the old one and every session stop working", async () => {
    const { s, admin } = await scenario();
    await db().authSession.create({ data: { userId: s.member.user.id } });
    const { token, expiresAt } = await createPasswordReset(admin, s.member.membership.id);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await db().passwordReset.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    expect(await resetLinkUsable(token)).toBe(true);

    expect(await resetPassword(token, NEW)).toBe(s.member.user.email);
    expect(await authenticate(s.member.user.email, TEST_PASSWORD)).toBeNull();
    expect(await authenticate(s.member.user.email, NEW)).toMatchObject({ id: s.member.user.id, sessionVersion: 1 });
    expect(await db().authSession.count({ where: { userId: s.member.user.id } })).toBe(0);

    expect(await resetLinkUsable(token)).toBe(false);
    await expect(resetPassword(token, "yet-another-passphrase")).rejects.toThrow(/already used or has expired/);
    const events = await db().auditEvent.findMany({
      where: { action: { startsWith: "password-reset." } },
      select: { action: true, outcome: true, organizationId: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "password-reset.create", outcome: "ok", organizationId: s.org.id },
        { action: "password-reset.use", outcome: "ok", organizationId: s.org.id },
      ]),
    );
  });

  it("refuses an expired link, an older link once a newer one exists, and a common password", async () => {
    const { s, admin } = await scenario();
    const first = await createPasswordReset(admin, s.member.membership.id);
    const second = await createPasswordReset(admin, s.member.membership.id);
    await expect(resetPassword(first.token, NEW)).rejects.toBeInstanceOf(RuleError);
    await expect(resetPassword(second.token, "password123")).rejects.toMatchObject({ field: "password" });
    await db().passwordReset.updateMany({
      where: { userId: s.member.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(resetPassword(second.token, NEW)).rejects.toThrow(/already used or has expired/);
    expect(await authenticate(s.member.user.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("is made only by an admin, for an active member of their own organisation who belongs to no other", async () => {
    const { s, admin } = await scenario();
    const other = await buildOrgScenario(db());
    await expect(
      createPasswordReset(await contextFor(s.manager.user.id, s.org.id), s.member.membership.id),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPasswordReset(admin, other.member.membership.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createPasswordReset(admin, s.admin.membership.id)).rejects.toThrow(/your own password/);
    // Someone another organisation relies on too: this admin must not be able to take the account over.
    const shared = await buildMember(db(), s.org.id, "MEMBER");
    await buildMembership(db(), other.org.id, shared.user.id, "MEMBER");
    await expect(createPasswordReset(admin, shared.membership.id)).rejects.toThrow(
      /also belongs to another organisation/,
    );
    await db().membership.update({ where: { id: s.leader.membership.id }, data: { status: "DISABLED" } });
    await expect(createPasswordReset(admin, s.leader.membership.id)).rejects.toThrow(/Enable this member/);
    expect(await db().passwordReset.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("uses a link once even when two tabs submit it at the same moment", async () => {
    const { s, admin } = await scenario();
    for (let round = 0; round < 8; round++) {
      const { token } = await createPasswordReset(admin, s.member.membership.id);
      const results = await Promise.allSettled([
        resetPassword(token, `${NEW}-a${round}`),
        resetPassword(token, `${NEW}-b${round}`),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
    }
  });

  it("refuses a flood of bad links from one address", async () => {
    for (let i = 0; i < 10; i++)
      await expect(resetPassword(`not-a-real-token-${i}`, NEW, "203.0.113.9")).rejects.toThrow(/already used/);
    await expect(resetPassword("not-a-real-token-x", NEW, "203.0.113.9")).rejects.toThrow(/Too many attempts/);
  });
});

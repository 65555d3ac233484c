import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  acceptInvitation,
  acceptInvitationAsNewUser,
  changeRole,
  createInvitation,
  listInvitations,
  listMembers,
  previewInvitation,
  revokeInvitation,
  setMemberStatus,
} from "@/lib/server/data/members";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { buildOrgScenario, buildUser } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

describe("invitations", () => {
  it("lets a new person join once with the role on the link", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const { token } = await createInvitation(admin, { role: "MANAGER" });
    expect(await previewInvitation(token)).toEqual({
      organizationName: s.org.name,
      role: "MANAGER",
      email: null,
      name: null,
    });

    const orgId = await acceptInvitationAsNewUser({
      token,
      name: "Katherine Johnson",
      email: "kj@example.test",
      password: "orbital-mechanics",
    });
    expect(orgId).toBe(s.org.id);
    const joined = (await listMembers(admin)).find((m) => m.email === "kj@example.test");
    expect(joined).toMatchObject({ role: "MANAGER", status: "ACTIVE" });

    // The link is used up: a second person cannot reuse it, and no account is left behind.
    expect(await previewInvitation(token)).toBeNull();
    await expect(
      acceptInvitationAsNewUser({ token, name: "Second", email: "second@example.test", password: "orbital-mechanics" }),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await db().user.count({ where: { email: "second@example.test" } })).toBe(0);
    expect((await listInvitations(admin))[0]).toMatchObject({ status: "accepted" });
  });

  it("stores only a hash of the token", async () => {
    const s = await buildOrgScenario(db());
    const { token } = await createInvitation(await contextFor(s.admin.user.id, s.org.id), { role: "MEMBER" });
    const rows = await db().invitation.findMany({ where: { organizationId: s.org.id }, select: { tokenHash: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
  });

  it("binds an invitation with an e-mail to that person", async () => {
    const s = await buildOrgScenario(db());
    const { token } = await createInvitation(await contextFor(s.admin.user.id, s.org.id), {
      role: "MEMBER",
      email: "only-me@example.test",
    });
    const stranger = await buildUser(db());
    await expect(acceptInvitation(stranger.id, token)).rejects.toThrow(/only-me@example.test/);
    const me = await buildUser(db(), { email: "only-me@example.test" });
    expect(await acceptInvitation(me.id, token)).toBe(s.org.id);
  });

  it("refuses revoked and expired links", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const revoked = await createInvitation(admin, { role: "MEMBER" });
    const [inv] = await listInvitations(admin);
    await revokeInvitation(admin, inv!.id);
    const user = await buildUser(db());
    await expect(acceptInvitation(user.id, revoked.token)).rejects.toBeInstanceOf(RuleError);

    const expired = await createInvitation(admin, { role: "MEMBER" });
    await db().invitation.updateMany({
      where: { organizationId: s.org.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(acceptInvitation(user.id, expired.token)).rejects.toBeInstanceOf(RuleError);
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets only admins invite, and writes nothing when refused", async () => {
    const s = await buildOrgScenario(db());
    for (const who of [s.leader, s.manager, s.member]) {
      const before = await dataCounts();
      await expect(createInvitation(await contextFor(who.user.id, s.org.id), { role: "ADMIN" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(await dataCounts()).toEqual(before);
    }
  });
});

describe("roles and disabling", () => {
  it("changes a role and refuses to remove the last active admin", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    await changeRole(admin, s.member.membership.id, "MANAGER");
    expect((await db().membership.findUniqueOrThrow({ where: { id: s.member.membership.id } })).role).toBe("MANAGER");
    await expect(changeRole(admin, s.admin.membership.id, "MEMBER")).rejects.toMatchObject({ field: "role" });
    expect((await db().membership.findUniqueOrThrow({ where: { id: s.admin.membership.id } })).role).toBe("ADMIN");
  });

  it("disables a member, but never yourself", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    await setMemberStatus(admin, s.member.membership.id, "DISABLED");
    expect((await listMembers(admin)).find((m) => m.membershipId === s.member.membership.id)?.status).toBe("DISABLED");
    await expect(setMemberStatus(admin, s.admin.membership.id, "DISABLED")).rejects.toBeInstanceOf(RuleError);
  });

  it("treats another organisation's membership as not found and changes nothing", async () => {
    const a = await buildOrgScenario(db());
    const b = await buildOrgScenario(db());
    const adminA = await contextFor(a.admin.user.id, a.org.id);
    const before = await dataCounts();
    await expect(changeRole(adminA, b.member.membership.id, "ADMIN")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setMemberStatus(adminA, b.admin.membership.id, "DISABLED")).rejects.toBeInstanceOf(NotFoundError);
    const { token } = await createInvitation(await contextFor(b.admin.user.id, b.org.id), { role: "MEMBER" });
    const [invB] = await db().invitation.findMany({ where: { organizationId: b.org.id } });
    await expect(revokeInvitation(adminA, invB!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await previewInvitation(token)).not.toBeNull();
    const after = await dataCounts();
    expect({ ...after, Invitation: after.Invitation! - 1 }).toEqual(before);
    expect((await listMembers(adminA)).map((m) => m.email)).not.toContain(b.member.user.email);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { authenticate, startSession } from "@/lib/server/data/accounts";
import {
  changeEmail,
  changePassword,
  endOtherSessions,
  getProfile,
  PASSWORD_CHECK_MAX_FAILURES,
  renameSelf,
} from "@/lib/server/data/profile";
import { createPasswordReset, resetLinkUsable } from "@/lib/server/data/password-resets";
import { ChangePasswordInput } from "@/lib/schemas/profile";
import { buildMembership, buildOrganization, buildOrgScenario, buildUser, TEST_PASSWORD } from "../factories";
import { contextFor } from "./support/context";

const NEW = "a-fresh-long-passphrase";
const passwordChange = (over: Partial<Record<"currentPassword" | "password" | "confirm", string>> = {}) =>
  ChangePasswordInput.parse({ currentPassword: TEST_PASSWORD, password: NEW, confirm: NEW, ...over });

describe("the profile", () => {
  it("shows the person's own account, their organisations and the other browsers signed in", async () => {
    const s = await buildOrgScenario(db());
    const other = await buildOrganization(db(), { name: "Another Org" });
    await buildMembership(db(), other.id, s.member.user.id, "LEADER");
    const here = await startSession(s.member.user.id);
    await startSession(s.member.user.id);
    await startSession(s.member.user.id);
    const p = await getProfile(s.member.user.id, here, s.org.id);
    expect(p).toMatchObject({ name: s.member.user.name, email: s.member.user.email, otherSessions: 2 });
    expect(p.organizations).toHaveLength(2);
    expect(p.organizations.find((o) => o.id === s.org.id)).toMatchObject({ role: "Member", current: true });
    expect(p.organizations.find((o) => o.id === other.id)).toMatchObject({ role: "Leader", current: false });
  });

  it("renames the person and records it in each of their organisations", async () => {
    const s = await buildOrgScenario(db());
    await renameSelf(s.member.user.id, "Renamed Person", null);
    expect((await contextFor(s.member.user.id, s.org.id)).userName).toBe("Renamed Person");
    expect(await db().auditEvent.count({ where: { organizationId: s.org.id, action: "profile.name" } })).toBe(1);
  });

  it("changes the e-mail only with the current password, and never to one another account uses", async () => {
    const s = await buildOrgScenario(db());
    const id = s.member.user.id;
    const fresh = `moved-${Date.now()}@example.test`;
    await expect(changeEmail(id, { email: fresh, currentPassword: "not-my-password" }, null)).rejects.toMatchObject({
      field: "currentPassword",
      message: "That is not your current password.",
    });
    await expect(
      changeEmail(id, { email: s.admin.user.email, currentPassword: TEST_PASSWORD }, null),
    ).rejects.toMatchObject({ field: "email", message: "Another account already uses this e-mail address." });
    await expect(
      changeEmail(id, { email: s.member.user.email, currentPassword: TEST_PASSWORD }, null),
    ).rejects.toMatchObject({ field: "email" });
    expect(await authenticate(s.member.user.email, TEST_PASSWORD)).not.toBeNull();

    await changeEmail(id, { email: fresh, currentPassword: TEST_PASSWORD }, null);
    expect(await authenticate(s.member.user.email, TEST_PASSWORD)).toBeNull();
    expect(await authenticate(fresh, TEST_PASSWORD)).toMatchObject({ id });
    const event = await db().auditEvent.findFirst({
      where: { organizationId: s.org.id, action: "profile.email" },
      select: { details: true, actorUserId: true },
    });
    expect(event).toEqual({ actorUserId: id, details: { from: s.member.user.email, to: fresh } });
  });

  it("changes the password with the current one, ends every other session, keeps this one and cancels reset links", async () => {
    const s = await buildOrgScenario(db());
    const id = s.member.user.id;
    const here = await startSession(id);
    const elsewhere = await startSession(id);
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const reset = await createPasswordReset(admin, s.member.membership.id);

    await expect(changePassword(id, here, passwordChange({ currentPassword: "wrong" }), null)).rejects.toMatchObject({
      field: "currentPassword",
    });
    await expect(
      changePassword(id, here, passwordChange({ password: "password123", confirm: "password123" }), null),
    ).rejects.toMatchObject({ field: "password" });
    expect(await db().authSession.count({ where: { userId: id } })).toBe(2);

    await changePassword(id, here, passwordChange(), null);
    expect(await authenticate(s.member.user.email, TEST_PASSWORD)).toBeNull();
    expect(await authenticate(s.member.user.email, NEW)).toMatchObject({ id });
    const left = await db().authSession.findMany({ where: { userId: id }, select: { id: true } });
    expect(left.map((x) => x.id)).toEqual([here]);
    expect(left.map((x) => x.id)).not.toContain(elsewhere);
    expect(await resetLinkUsable(reset.token)).toBe(false);
  });

  it("refuses a new password equal to the e-mail, or two new passwords that differ", async () => {
    const s = await buildOrgScenario(db());
    const u = await buildUser(db(), { email: `mail-as-pass-${Date.now()}@example.test` });
    await expect(
      changePassword(u.id, null, passwordChange({ password: u.email, confirm: u.email }), null),
    ).rejects.toMatchObject({
      field: "password",
    });
    const differ = ChangePasswordInput.safeParse({
      currentPassword: TEST_PASSWORD,
      password: NEW,
      confirm: "other-one-entirely",
    });
    expect(differ.success).toBe(false);
    expect(differ.error?.issues[0]).toMatchObject({ path: ["confirm"] });
    expect(s.org.id).toBeTruthy();
  });

  it("signs out the other browsers only", async () => {
    const s = await buildOrgScenario(db());
    const id = s.member.user.id;
    const here = await startSession(id);
    await startSession(id);
    await startSession(id);
    const someoneElse = await startSession(s.admin.user.id);
    expect(await endOtherSessions(id, here)).toBe(2);
    expect(await db().authSession.count({ where: { userId: id } })).toBe(1);
    expect(await db().authSession.count({ where: { id: someoneElse } })).toBe(1);
    expect(await endOtherSessions(id, null)).toBe(0);
  });

  it(`stops checking the current password after ${PASSWORD_CHECK_MAX_FAILURES} wrong ones, even when they arrive at once`, async () => {
    const s = await buildOrgScenario(db());
    const id = s.member.user.id;
    const guesses = Array.from({ length: 12 }, (_, i) =>
      changeEmail(id, { email: `guess-${i}-${Date.now()}@example.test`, currentPassword: `guess-${i}` }, null),
    );
    const results = await Promise.allSettled(guesses);
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "saved"));
    expect(messages.filter((m) => m === "That is not your current password.")).toHaveLength(
      PASSWORD_CHECK_MAX_FAILURES,
    );
    expect(messages.filter((m) => m.startsWith("Too many wrong passwords"))).toHaveLength(
      12 - PASSWORD_CHECK_MAX_FAILURES,
    );
    // Now even the right password is not checked, until the window passes.
    await expect(
      changeEmail(id, { email: `right-${Date.now()}@example.test`, currentPassword: TEST_PASSWORD }, null),
    ).rejects.toThrow(/Too many wrong passwords/);
    await db().auditEvent.updateMany({
      where: { actorUserId: id, action: "profile.password-check" },
      data: { at: new Date(Date.now() - 16 * 60_000) },
    });
    await changeEmail(id, { email: `right-${Date.now()}@example.test`, currentPassword: TEST_PASSWORD }, null);
  });

  it("gives one address to one account when two people claim it at the same moment", async () => {
    for (let round = 0; round < 6; round++) {
      const s = await buildOrgScenario(db());
      const wanted = `contested-${round}-${Date.now()}@example.test`;
      const results = await Promise.allSettled([
        changeEmail(s.member.user.id, { email: wanted, currentPassword: TEST_PASSWORD }, null),
        changeEmail(s.manager.user.id, { email: wanted, currentPassword: TEST_PASSWORD }, null),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({
        field: "email",
        message: "Another account already uses this e-mail address.",
      });
      expect(await db().user.count({ where: { email: wanted } })).toBe(1);
    }
  });
});

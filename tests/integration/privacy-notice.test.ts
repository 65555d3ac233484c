// Issue 21, the privacy page's data: generated from the live organisation. A brand-new organisation (as sign-up
// makes it) reads its default policy, its founder as the one admin to ask, no clean-up run and no single sign-on;
// then each part follows the organisation's changes, and nothing of another organisation shows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createAccountWithOrganization } from "@/lib/server/data/accounts";
import { privacyNotice } from "@/lib/server/data/privacy-notice";
import { applyRetention, setRetentionPolicy } from "@/lib/server/data/retention";
import { SignUpInput } from "@/lib/schemas/auth";
import { buildMember, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

const signUp = (name: string) =>
  SignUpInput.parse({
    name,
    email: `${name.split(" ")[0]!.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test`,
    password: "a-long-passphrase",
    organizationName: `Notice ${Math.random().toString(36).slice(2)}`,
  });

const lineRoles = (n: Awaited<ReturnType<typeof privacyNotice>>, start: string) =>
  n.access.find((l) => l.line.startsWith(start))?.roles;

describe("privacy notice", () => {
  it("works for the organisation sign-up creates: defaults, the founder to ask, nothing run, no single sign-on", async () => {
    const { userId, organizationId } = await createAccountWithOrganization(signUp("Grace Founder"));
    const ctx = await contextFor(userId, organizationId);
    const n = await privacyNotice(ctx);
    expect(n.organisation).toBe(ctx.orgName);
    expect(n.yourRole).toBe("ADMIN");
    expect(n.retention.policy).toEqual({ observerDays: 180, noteDays: 365, auditDays: 400 });
    expect(n.retention.rules[0]).toContain("keeps its observer for 180 days");
    expect(n.retention.lastRun).toBeNull();
    expect(n.retention.securityEventsKept).toContain("sign-ins");
    expect(n.admins).toEqual(["Grace Founder"]);
    expect(n.sso).toBeNull();
    expect(lineRoles(n, "Review the honesty guard's names")).toEqual(["ADMIN"]);
    expect(n.reporting.join(" ")).toContain("never per person");
  });

  it("follows the policy, the last run, the admins, the team setting and single sign-on, for any member", async () => {
    const s = await buildOrgScenario(db(), { name: "Notice Live" });
    const other = await buildOrgScenario(db(), { name: "Notice Elsewhere" });
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const second = await buildMember(db(), s.org.id, "ADMIN");
    const gone = await buildMember(db(), s.org.id, "ADMIN");
    await db().membership.update({ where: { id: gone.membership.id }, data: { status: "DISABLED" } });

    await setRetentionPolicy(admin, { observerDays: 42, noteDays: 60, auditDays: 120 });
    await applyRetention(s.org.id);
    await db().organization.update({ where: { id: s.org.id }, data: { leadersManageTeams: true } });
    await db().ssoConnection.create({
      data: {
        organizationId: s.org.id,
        issuer: "https://login.notice-live.test/realms/staff",
        clientId: "conduct",
        clientSecretSealed: "sealed",
        domains: { create: [{ domain: "notice-live.test", organizationId: s.org.id }] },
      },
    });

    const n = await privacyNotice(await contextFor(s.member.user.id, s.org.id));
    expect(n.yourRole).toBe("MEMBER");
    expect(n.retention.policy).toEqual({ observerDays: 42, noteDays: 60, auditDays: 120 });
    expect(n.retention.rules.join(" ")).toContain("keeps its observer for 42 days");
    expect(n.retention.lastRun).not.toBeNull();
    expect([...n.admins].sort()).toEqual([s.admin.user.name, second.user.name].sort());
    expect(n.admins).not.toContain(gone.user.name);
    expect(n.admins).not.toContain(other.admin.user.name);
    expect(lineRoles(n, "Put anyone in a team")).toEqual(["ADMIN", "LEADER"]);
    expect(n.sso).toEqual({ provider: "login.notice-live.test", domains: ["notice-live.test"] });

    // The other organisation keeps its own: defaults, its own admin, no run, no provider.
    const o = await privacyNotice(await contextFor(other.member.user.id, other.org.id));
    expect(o.retention.policy.observerDays).toBe(180);
    expect(o.retention.lastRun).toBeNull();
    expect(o.admins).toEqual([other.admin.user.name]);
    expect(o.sso).toBeNull();
    expect(lineRoles(o, "Put anyone in a team")).toEqual(["ADMIN"]);
  });
});

// Issue 15, item 8 (docs/decisions/014): a backup import never attaches an existing account, never
// makes an account for an unknown e-mail, and never lets the file's dates or roles decide anything
// for the people in it. Everyone but the importer becomes an invitation they must accept.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { importOrganisation } from "@/lib/server/data/backup";
import {
  authenticate,
  createAccountWithOrganization,
  createOrganizationFor,
  listOrganizationsOf,
  memberContext,
  rememberOrganization,
} from "@/lib/server/data/accounts";
import {
  acceptInvitation,
  acceptInvitationAsNewUser,
  changeRole,
  listMembers,
  setMemberStatus,
} from "@/lib/server/data/members";
import { RuleError } from "@/lib/server/errors";
import type { OrganisationBackup } from "@/lib/domain/backup";
import { parseBackupDocument } from "@/lib/schemas/backup";
import { buildOrgScenario, buildUser } from "../factories";
import { contextFor } from "./support/context";
import { exportedBackup } from "./support/backup-file";

const OLD = "2001-01-01T00:00:00.000Z";

function reread(doc: OrganisationBackup): OrganisationBackup {
  const parsed = parseBackupDocument(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.data;
}

/**
 * A file of organisation S, imported by someone else into their new organisation: S's admin is the
 * importer (same e-mail), S's leader is a victim with an account here, S's member an e-mail nobody
 * has registered, S's manager was disabled. The file dates the victim's membership 2001 and makes
 * them ADMIN, which once made the importer's organisation their default.
 */
async function imported() {
  const s = await buildOrgScenario(db());
  const doc = await exportedBackup(await contextFor(s.admin.user.id, s.org.id));
  const importer = await buildUser(db());
  const orgId = await createOrganizationFor(importer.id, "Imported");
  const into = await contextFor(importer.id, orgId);
  const stranger = `stranger-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  doc.users.find((u) => u.ref === s.admin.user.id)!.email = importer.email;
  doc.users.find((u) => u.ref === s.member.user.id)!.email = stranger.toUpperCase();
  const row = (userId: string) => doc.tables.Membership.find((m) => m.userId === userId)!;
  Object.assign(row(s.leader.user.id), { role: "ADMIN", createdAt: OLD, updatedAt: OLD });
  Object.assign(row(s.admin.user.id), { createdAt: OLD, updatedAt: OLD });
  row(s.manager.user.id).status = "DISABLED";
  const importerJoined = (await db().membership.findUniqueOrThrow({ where: { id: into.membershipId } })).createdAt;
  const result = await importOrganisation(into, reread(doc));
  const victim = s.leader.user;
  return { s, into, result, stranger, victim, importerJoined };
}

describe("people in an imported backup", () => {
  it("gives an existing account a pending invitation, not a membership, and leaves its default organisation alone", async () => {
    const { s, into, result, victim, stranger } = await imported();
    expect(await db().membership.count({ where: { organizationId: into.orgId, userId: victim.id } })).toBe(0);
    expect((await listOrganizationsOf(victim.id)).map((o) => o.id)).toEqual([s.org.id]);
    expect((await memberContext(victim.id, null))?.orgId).toBe(s.org.id);
    // One link per person who was not disabled in the file; never one for the importer.
    expect(result.invitations.map((i) => i.email).sort()).toEqual([victim.email, stranger].sort());
    expect(result.invitations).toHaveLength(2);
    expect(result.disabled).toBe(1);
    const pending = (await listMembers(into)).filter((m) => m.status === "INVITED");
    expect(pending.map((m) => m.email).sort()).toEqual(result.invitations.map((i) => i.email).sort());
  });

  it("makes no account for an unknown e-mail, so its owner can still sign up", async () => {
    const { into, result, stranger } = await imported();
    expect(result.invitations.map((i) => i.email)).toContain(stranger);
    expect(await db().user.count({ where: { email: stranger } })).toBe(0);
    await createAccountWithOrganization({
      name: "The real owner",
      email: stranger,
      password: "orbital-mechanics",
      organizationName: "Mine",
    });
    // Their invitation is still there for them, bound to their e-mail.
    const link = result.invitations.find((i) => i.email === stranger)!;
    const owner = await db().user.findUniqueOrThrow({ where: { email: stranger }, select: { id: true } });
    expect(await acceptInvitation(owner.id, link.token)).toBe(into.orgId);
  });

  it("on accepting, hands the person their records with the role the admin chose and today's date", async () => {
    const { s, into, result, victim, importerJoined } = await imported();
    const before = new Date();
    const link = result.invitations.find((i) => i.email === victim.email)!;
    const pendingId = (await listMembers(into)).find((m) => m.email === victim.email)!.membershipId;
    // The file said ADMIN; the importing admin decides otherwise before the person accepts.
    await changeRole(into, pendingId, "MEMBER");
    await expect(setMemberStatus(into, pendingId, "ACTIVE")).rejects.toThrow(/not accepted their invitation/);
    const placeholder = (await db().membership.findUniqueOrThrow({ where: { id: pendingId } })).userId;
    const other = await buildUser(db());
    await expect(acceptInvitation(other.id, link.token)).rejects.toBeInstanceOf(RuleError);

    expect(await acceptInvitation(victim.id, link.token)).toBe(into.orgId);
    const m = await db().membership.findUniqueOrThrow({ where: { id: pendingId } });
    expect(m).toMatchObject({ userId: victim.id, role: "MEMBER", status: "ACTIVE" });
    expect(m.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // What they wrote in the file is theirs again; the placeholder is gone.
    const behaviour = await db().behaviour.findFirstOrThrow({ where: { organizationId: into.orgId } });
    expect(behaviour.authorId).toBe(pendingId);
    expect(await db().user.count({ where: { id: placeholder } })).toBe(0);
    expect(await db().auditEvent.count({ where: { organizationId: into.orgId, actorUserId: placeholder } })).toBe(0);
    // The 2001 date in the file does not make the new organisation their default, nor the importer's.
    expect((await memberContext(victim.id, null))?.orgId).toBe(s.org.id);
    const mine = await db().membership.findUniqueOrThrow({ where: { id: into.membershipId } });
    expect(mine).toMatchObject({ role: "ADMIN", status: "ACTIVE", createdAt: importerJoined });
  });

  it("lets a new person accept by creating their account, and placeholders never sign in", async () => {
    const { into, result, stranger } = await imported();
    const pending = await db().membership.findMany({
      where: { organizationId: into.orgId, status: "INVITED" },
      select: { user: { select: { email: true, placeholder: true } } },
    });
    expect(pending.map((p) => p.user.placeholder)).toEqual([true, true]);
    for (const p of pending) expect(await authenticate(p.user.email, "correct-horse-battery")).toBeNull();
    const link = result.invitations.find((i) => i.email === stranger)!;
    expect(
      await acceptInvitationAsNewUser({
        token: link.token,
        name: "New",
        email: stranger,
        password: "orbital-mechanics",
      }),
    ).toBe(into.orgId);
    expect(await authenticate(stranger, "orbital-mechanics")).not.toBeNull();
  });
});

describe("the default organisation", () => {
  it("is the one the user last chose, not their oldest membership", async () => {
    const a = await buildOrgScenario(db());
    const user = a.member.user;
    const b = await createOrganizationFor(user.id, "Second");
    expect((await memberContext(user.id, null))?.orgId).toBe(a.org.id);
    await rememberOrganization(user.id, b);
    expect((await memberContext(user.id, null))?.orgId).toBe(b);
    // A cookie for this browser still wins; an organisation they are not in is never remembered.
    expect((await memberContext(user.id, a.org.id))?.orgId).toBe(a.org.id);
    const stranger = await buildOrgScenario(db());
    await rememberOrganization(user.id, stranger.org.id);
    expect((await memberContext(user.id, null))?.orgId).toBe(b);
  });
});

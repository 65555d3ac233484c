// Issue 21, erasure of a person by their organisation's admin (docs/decisions/037), on both
// databases. The proof is a scan of every text and JSON column of every table: after erasure the
// person's name and e-mail are nowhere in the database (so no page, export or backup can show them),
// or, for someone who also belongs to another organisation, only in their own account and that
// organisation's rows. The organisation's figures are unchanged.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { eraseMember } from "@/lib/server/data/erasure";
import { setMemberStatus } from "@/lib/server/data/members";
import { giveRecognition } from "@/lib/server/data/recognition";
import { createPasswordReset } from "@/lib/server/data/password-resets";
import { attemptSignIn } from "@/lib/server/data/sign-in";
import { organisationOverview } from "@/lib/server/data/dashboards";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { GiveRecognitionInput } from "@/lib/schemas/recognition";
import { buildMember, buildMembership, buildObservations, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { invitationAccepted } from "@/lib/domain/inbox";
import { exportedBackup } from "./support/backup-file";

let n = 0;
/** A name and address no other row can hold by chance. */
const distinctive = () => {
  const tag = `${Date.now().toString(36)}${++n}`;
  return { name: `Zebulon Quistgaard ${tag}`, email: `zebulon.q.${tag}@erasure.example` };
};

interface Hit {
  table: string;
  column: string;
  organizationIds: (string | null)[];
}

/** Every row of every table, in every column that holds text or JSON, that contains `needle`. */
async function scan(needle: string): Promise<Hit[]> {
  const columns = await db().$queryRaw<{ schema: string; table: string; column: string; hasOrg: boolean }[]>`
    SELECT c.table_schema::text AS "schema", c.table_name::text AS "table", c.column_name::text AS "column",
           EXISTS (SELECT 1 FROM information_schema.columns o
                    WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name
                      AND o.column_name = 'organizationId') AS "hasOrg"
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE t.table_type = 'BASE TABLE'
       AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       AND c.table_name <> '_prisma_migrations'
       AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const hits: Hit[] = [];
  for (const c of columns) {
    const org = c.hasOrg ? `"organizationId"` : "NULL::text";
    const rows = await db().$queryRawUnsafe<{ org: string | null }[]>(
      `SELECT ${org} AS "org" FROM "${c.schema}"."${c.table}" WHERE strpos(lower("${c.column}"::text), lower($1)) > 0`,
      needle,
    );
    if (rows.length) hits.push({ table: c.table, column: c.column, organizationIds: rows.map((r) => r.org) });
  }
  return hits;
}

/** A member with a trail: named entries, a recognition given, a reset link mailed, failed sign-ins. */
async function personWithATrail() {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const who = distinctive();
  const person = await buildMember(db(), s.org.id, "MEMBER", who);
  await db().teamMember.create({
    data: { organizationId: s.org.id, teamId: s.team.id, membershipId: person.membership.id },
  });
  const base = { organizationId: s.org.id, behaviourId: s.behaviour.id, teamId: s.team.id };
  await buildObservations(db(), [
    { ...base, observerId: person.membership.id, performed: 1, note: "Asked the customer to confirm" },
    { ...base, observerId: person.membership.id, performed: 0, missed: 1, note: "No time before closing" },
    { ...base, observerId: s.member.membership.id, performed: 1 },
  ]);
  const personCtx = await contextFor(person.user.id, s.org.id);
  await giveRecognition(
    personCtx,
    GiveRecognitionInput.parse({
      recipientMembershipId: s.manager.membership.id,
      recipientTeamId: "",
      behaviourId: s.behaviour.id,
      act: "Confirmed the fix with the customer before closing",
      customerEffect: "The customer stopped chasing",
      observationId: "",
    }),
  );
  await createPasswordReset(admin, person.membership.id, { email: true });
  // As accepting an invitation leaves them: the inviter's inbox item and the audit details.
  await db().notification.create({
    data: {
      organizationId: s.org.id,
      recipientId: s.admin.membership.id,
      kind: "invitation.accepted",
      subjectId: person.membership.id,
      ...invitationAccepted({ name: who.name, role: "Member" }),
    },
  });
  await db().auditEvent.create({
    data: {
      organizationId: s.org.id,
      actorUserId: person.user.id,
      action: "invitation.accept",
      outcome: "ok",
      details: { email: who.email, name: who.name, role: "MEMBER" },
    },
  });
  await attemptSignIn(who.email, "not-the-password", "203.0.113.40");
  await setMemberStatus(admin, person.membership.id, "DISABLED");
  return { s, admin, person, who };
}

describe("erasing a person", () => {
  it("leaves their name and e-mail nowhere in the database, the backup or the figures, and deletes the account", async () => {
    const { s, admin, person, who } = await personWithATrail();
    // The scan finds what is there: the account, the mail, the inbox item, the audit details.
    const tables = async (needle: string) => [...new Set((await scan(needle)).map((h) => h.table))].sort();
    expect(await tables(who.email)).toEqual(["AuditEvent", "MailMessage", "User"]);
    expect(await tables(who.name)).toEqual(["AuditEvent", "MailMessage", "Notification", "User"]);
    const before = await organisationOverview(admin, { period: "12w" });

    const outcome = await eraseMember(admin, person.membership.id);
    expect(outcome.accountDeleted).toBe(true);
    expect(outcome.standInName).toMatch(/^Former member [0-9a-f]{12}$/);

    expect(await scan(who.email)).toEqual([]);
    expect(await scan(who.name)).toEqual([]);
    expect(await db().user.findUnique({ where: { id: person.user.id } })).toBeNull();
    expect(await db().authSession.count({ where: { userId: person.user.id } })).toBe(0);
    // The membership stays, held by the stand-in: what they did keeps its shape.
    const m = await db().membership.findUniqueOrThrow({
      where: { id: person.membership.id },
      select: { status: true, user: { select: { name: true, email: true, erasedAt: true } } },
    });
    expect(m.status).toBe("DISABLED");
    expect(m.user).toMatchObject({ name: outcome.standInName, erasedAt: expect.any(Date) });
    expect(m.user.email).toMatch(/@erased\.invalid$/);
    expect(await db().recognition.count({ where: { giverId: person.membership.id } })).toBe(1);
    // Their entries are anonymous now, and every figure is as it was.
    expect(await db().observation.count({ where: { observerId: person.membership.id } })).toBe(0);
    expect(await db().observation.count({ where: { organizationId: s.org.id } })).toBe(3);
    expect(await organisationOverview(admin, { period: "12w" })).toEqual(before);
    const backup = JSON.stringify(await exportedBackup(admin));
    expect(backup).not.toContain(who.email);
    expect(backup).not.toContain(who.name);
    // The erasure is on the audit trail, under the admin, without the name.
    const event = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: s.org.id, action: "membership.erase" },
      select: { actorUserId: true, targetId: true },
    });
    expect(event).toEqual({ actorUserId: s.admin.user.id, targetId: person.membership.id });
  });

  it("someone who also belongs to another organisation keeps their account there, and nothing of theirs stays here", async () => {
    const { s, admin, person, who } = await personWithATrail();
    const other = await buildOrgScenario(db());
    await buildMembership(db(), other.org.id, person.user.id, "MANAGER");
    const outcome = await eraseMember(admin, person.membership.id);
    expect(outcome.accountDeleted).toBe(false);
    const user = await db().user.findUniqueOrThrow({
      where: { id: person.user.id },
      select: { name: true, memberships: { select: { organizationId: true, role: true } } },
    });
    expect(user.memberships).toEqual([{ organizationId: other.org.id, role: "MANAGER" }]);
    for (const needle of [who.email, who.name])
      for (const hit of await scan(needle)) {
        // Their own account, and rows of no organisation or of the other one (e.g. the sign-in attempt).
        if (hit.table === "User") continue;
        expect(
          hit.organizationIds.every((o) => o !== s.org.id),
          `${hit.table}.${hit.column}`,
        ).toBe(true);
      }
  });

  it("refuses an active member, a second erasure, another organisation's id and a non-admin", async () => {
    const s = await buildOrgScenario(db());
    const other = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    await expect(eraseMember(admin, s.member.membership.id)).rejects.toThrow(RuleError);
    await expect(eraseMember(admin, other.member.membership.id)).rejects.toThrow(NotFoundError);
    await expect(eraseMember(admin, "no-such-membership")).rejects.toThrow(NotFoundError);
    const manager = await contextFor(s.manager.user.id, s.org.id);
    await expect(eraseMember(manager, s.member.membership.id)).rejects.toThrow(ForbiddenError);
    await setMemberStatus(admin, s.member.membership.id, "DISABLED");
    await eraseMember(admin, s.member.membership.id);
    await expect(eraseMember(admin, s.member.membership.id)).rejects.toThrow(/erased already/);
  });

  it("two admins erasing one person at once erase them once (eight rounds)", async () => {
    const s = await buildOrgScenario(db());
    const first = await contextFor(s.admin.user.id, s.org.id);
    const second = await buildMember(db(), s.org.id, "ADMIN");
    const secondCtx = await contextFor(second.user.id, s.org.id);
    for (let round = 1; round <= 8; round++) {
      const person = await buildMember(db(), s.org.id, "MEMBER");
      await setMemberStatus(first, person.membership.id, "DISABLED");
      const results = await Promise.allSettled([
        eraseMember(first, person.membership.id),
        eraseMember(secondCtx, person.membership.id),
      ]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual(["fulfilled", "rejected"]);
      const standIns = await db().user.count({
        where: { erasedAt: { not: null }, memberships: { some: { id: person.membership.id } } },
      });
      expect(standIns, `round ${round}`).toBe(1);
      expect(await db().user.count({ where: { erasedAt: { not: null }, memberships: { none: {} } } })).toBe(0);
    }
  });
});

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { daysAfter } from "@/lib/domain/dates";
import type { BackupRow, OrganisationBackup } from "@/lib/domain/backup";
import type { Role } from "@/lib/domain/roles";
import type { InvitationLinkDto } from "@/lib/schemas/members";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

// The people of a backup (docs/decisions/014): on import, everyone but the importer is an INVITED
// membership under a placeholder account plus an invitation bound to their e-mail; on export, a
// placeholder is written with that e-mail, so a restored organisation can be backed up again.

const CHUNK = 1_000;
/** Longer than an ordinary invitation's 7 days: a restored organisation's people may take a while. */
const IMPORT_INVITE_DAYS = 30;

/**
 * One invitation per person of the file who was not disabled there, bound to their e-mail and to
 * the INVITED membership that holds their records. Its role is the file's, but what they get on
 * accepting is the membership's role then: the importing admin can change it before (members page).
 * The links are returned once, like bulk invitations; only hashes are stored.
 */
export async function inviteImported(
  tx: Prisma.TransactionClient,
  ctx: MemberContext,
  doc: OrganisationBackup,
  ids: ReadonlyMap<string, string>,
  emailOf: ReadonlyMap<string, string>,
  mine: BackupRow | undefined,
): Promise<InvitationLinkDto[]> {
  const names = new Map(doc.users.map((u) => [ids.get(u.ref)!, u.name]));
  const links: InvitationLinkDto[] = [];
  const rows = [];
  const expiresAt = daysAfter(new Date(), IMPORT_INVITE_DAYS);
  for (const m of doc.tables.Membership) {
    if (m === mine || m.status === "DISABLED") continue;
    const userId = ids.get(m.userId as string)!;
    const email = emailOf.get(userId)!;
    const token = randomBytes(32).toString("base64url");
    links.push({ email, name: names.get(userId) ?? "", token });
    rows.push({
      organizationId: ctx.orgId,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      role: m.role as Role,
      email,
      name: names.get(userId) ?? null,
      membershipId: ids.get(m.id as string)!,
      createdById: ctx.membershipId,
      expiresAt,
    });
  }
  for (let i = 0; i < rows.length; i += CHUNK) await tx.invitation.createMany({ data: rows.slice(i, i + CHUNK) });
  return links;
}

/** A placeholder's real e-mail is the one its invitation is bound to (docs/decisions/014). */
export async function invitedEmails(tx: Prisma.TransactionClient, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const memberships = await tx.membership.findMany({
    where: { organizationId: orgId, userId: { in: userIds } },
    select: { id: true, userId: true },
  });
  const invitations = await tx.invitation.findMany({
    where: { organizationId: orgId, membershipId: { in: memberships.map((m) => m.id) } },
    select: { membershipId: true, email: true },
  });
  const byMembership = new Map(invitations.map((i) => [i.membershipId, i.email]));
  return new Map(memberships.flatMap((m) => (byMembership.get(m.id) ? [[m.userId, byMembership.get(m.id)!]] : [])));
}

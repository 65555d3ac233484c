import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import { erasedStandIn, textNeedles } from "@/lib/domain/erasure";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

// Erasure of a person from one organisation by its admin (issue 21, docs/decisions/037). The
// membership stays, so everything the person did keeps its shape (behaviours they own, actions,
// decisions, recognitions, the counts of their entries), but it now belongs to a stand-in user,
// "Former member 3f9a2c", with an address under .invalid that never signs in. Then what still names
// the person in this organisation goes: their entries become anonymous, their survey answers lose
// the link to them, their team places, inbox, notification choices, API tokens and invitations are
// deleted, the organisation's mail to them is deleted, and their name and address are replaced by
// the stand-in's in audit details, inbox items and the organisation's stored mail. An account with
// no other organisation is deleted with its sessions and account mail; one that belongs elsewhere
// keeps its other memberships and loses this one at its next request.

type Tx = Prisma.TransactionClient;

export interface ErasureOutcome {
  standInName: string;
  accountDeleted: boolean;
}

export async function eraseMember(ctx: MemberContext, membershipId: string): Promise<ErasureOutcome> {
  await authorize(ctx, "members.manage");
  return db().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Membership"
       WHERE "organizationId" = ${ctx.orgId} AND "role" = 'ADMIN' AND "status" = 'ACTIVE'
       ORDER BY "id" FOR UPDATE`;
    if (!admins.some((a) => a.id === ctx.membershipId)) throw new ForbiddenError();
    // The row lock makes two erasures of one person one: the second finds the stand-in.
    const [m] = await tx.$queryRaw<{ id: string; userId: string; status: string }[]>`
      SELECT "id", "userId", "status"::text AS "status" FROM "Membership"
       WHERE "id" = ${membershipId} AND "organizationId" = ${ctx.orgId} FOR UPDATE`;
    if (!m) throw new NotFoundError();
    const person = await tx.user.findUniqueOrThrow({
      where: { id: m.userId },
      select: { id: true, name: true, email: true, erasedAt: true, _count: { select: { memberships: true } } },
    });
    if (person.erasedAt) throw new RuleError("This person has been erased already.");
    if (m.status !== "DISABLED") throw new RuleError("Disable this member first: erasure is for people who have left.");
    const standIn = erasedStandIn(randomBytes(6).toString("hex"));
    const stand = await tx.user.create({
      data: { ...standIn, passwordHash: "", placeholder: true, erasedAt: new Date() },
      select: { id: true },
    });
    await tx.membership.update({ where: { id: m.id }, data: { userId: stand.id } });
    await forgetInOrganisation(tx, ctx.orgId, m.id, person);
    const needles = textNeedles(person);
    await replaceText(tx, ctx.orgId, needles, standIn);
    await tx.auditEvent.updateMany({
      where: { organizationId: ctx.orgId, actorUserId: person.id },
      data: { actorUserId: stand.id },
    });
    const accountDeleted = person._count.memberships === 1;
    if (accountDeleted) {
      // Nothing else holds the account: it goes, with its sessions, links and account mail.
      await tx.mailMessage.deleteMany({ where: { OR: [{ userId: person.id }, { toAddress: person.email }] } });
      await replaceText(tx, null, needles, standIn);
      await tx.auditEvent.updateMany({ where: { actorUserId: person.id }, data: { actorUserId: stand.id } });
      await tx.user.delete({ where: { id: person.id } });
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "membership.erase",
        targetType: "Membership",
        targetId: m.id,
        outcome: "ok",
        details: { standIn: standIn.name, accountDeleted },
      },
      tx,
    );
    return { standInName: standIn.name, accountDeleted };
  });
}

/** What names the person in this organisation and has no reason to outlive them there. */
async function forgetInOrganisation(
  tx: Tx,
  organizationId: string,
  membershipId: string,
  person: { id: string; email: string },
): Promise<void> {
  // Counts, days, behaviours and teams stay: the daily summary stays as it is.
  await tx.$executeRaw`SELECT set_config('conduct.daily_summary', 'off', true)`;
  await tx.observation.updateMany({
    where: { organizationId, observerId: membershipId },
    data: { observerId: null, anonymous: true },
  });
  await tx.surveyRespondent.updateMany({ where: { membershipId }, data: { membershipId: null } });
  await tx.teamMember.deleteMany({ where: { organizationId, membershipId } });
  await tx.ritualParticipant.deleteMany({ where: { membershipId } });
  await tx.notification.deleteMany({ where: { organizationId, recipientId: membershipId } });
  await tx.notificationPreference.deleteMany({ where: { membershipId } });
  // A token acts with its maker's authority: it cannot outlive them.
  await tx.apiToken.deleteMany({ where: { organizationId, createdById: membershipId } });
  await tx.invitation.deleteMany({ where: { organizationId, OR: [{ email: person.email }, { membershipId }] } });
  await tx.mailMessage.deleteMany({
    where: { organizationId, OR: [{ userId: person.id }, { toAddress: person.email }] },
  });
  await tx.ssoIdentity.deleteMany({ where: { organizationId, userId: person.id } });
}

/**
 * The person's name and address, wherever the organisation stored them as text (audit details,
 * inbox items, its stored mail), become the stand-in's. `organizationId` null: account-wide rows
 * (sign-in attempts, account mail), once the account itself goes.
 */
async function replaceText(
  tx: Tx,
  organizationId: string | null,
  needles: ReturnType<typeof textNeedles>,
  standIn: { name: string; email: string },
): Promise<void> {
  const org = organizationId;
  const { email } = needles;
  const to = standIn;
  await tx.$executeRaw`
    UPDATE "AuditEvent"
       SET "details" = regexp_replace(replace("details"::text, ${email}, ${to.email}), ${needles.jsonName}, ${to.name}, 'g')::jsonb
     WHERE "organizationId" IS NOT DISTINCT FROM ${org}
       AND (strpos("details"::text, ${email}) > 0 OR "details"::text ~ ${needles.jsonName})`;
  if (org)
    await tx.$executeRaw`
      UPDATE "Notification"
         SET "title" = regexp_replace(replace("title", ${email}, ${to.email}), ${needles.name}, ${to.name}, 'g'),
             "body" = regexp_replace(replace("body", ${email}, ${to.email}), ${needles.name}, ${to.name}, 'g')
       WHERE "organizationId" = ${org}
         AND ("title" ~ ${needles.name} OR "body" ~ ${needles.name} OR strpos("title" || "body", ${email}) > 0)`;
  await tx.$executeRaw`
    UPDATE "MailMessage"
       SET "subject" = regexp_replace(replace("subject", ${email}, ${to.email}), ${needles.name}, ${to.name}, 'g'),
           "text" = regexp_replace(replace("text", ${email}, ${to.email}), ${needles.name}, ${to.name}, 'g'),
           "html" = regexp_replace(regexp_replace(replace("html", ${email}, ${to.email}), ${needles.name}, ${to.name}, 'g'),
                                   ${needles.htmlName}, ${to.name}, 'g')
     WHERE "organizationId" IS NOT DISTINCT FROM ${org}
       AND ("subject" ~ ${needles.name} OR "text" ~ ${needles.name} OR "html" ~ ${needles.name}
            OR "html" ~ ${needles.htmlName} OR strpos("subject" || "text" || "html", ${email}) > 0)`;
}

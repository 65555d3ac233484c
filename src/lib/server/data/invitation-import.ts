import "server-only";
import { mailInvitations } from "../mail/account-mail";
import { nudgeMail } from "../mail/outbox";
import { createHash, randomBytes } from "node:crypto";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { daysAfter } from "@/lib/domain/dates";
import { readInvitationCsv } from "@/lib/domain/invitation-csv";
import type { InvitationImportPreviewDto, InvitationLinkDto } from "@/lib/schemas/members";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

const INVITE_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Reader = Pick<Prisma.TransactionClient, "team" | "membership" | "invitation">;

/** The organisation's teams (open ones: nobody joins an archived team) and the e-mails already taken. */
async function known(ctx: MemberContext, client: Reader = db()) {
  const [teams, members, open] = await Promise.all([
    client.team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM", archivedAt: null },
      select: { id: true, name: true },
    }),
    client.membership.findMany({ where: { organizationId: ctx.orgId }, select: { user: { select: { email: true } } } }),
    client.invitation.findMany({
      where: { organizationId: ctx.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { email: true },
    }),
  ]);
  const takenEmails = new Set([...members.map((m) => m.user.email), ...open.flatMap((i) => i.email ?? [])]);
  return { teams, takenEmails };
}

export async function previewInvitationImport(
  ctx: MemberContext,
  content: string,
): Promise<InvitationImportPreviewDto> {
  await authorize(ctx, "members.manage");
  const { rows, fileError } = readInvitationCsv(content, await known(ctx));
  return {
    fileError: fileError ?? null,
    rows: rows.map(({ teamIds: _ids, ...r }) => r),
    importable: rows.filter((r) => r.errors.length === 0).length,
  };
}

/**
 * Creates one invitation per row, all or none, each bound to its e-mail; the links are returned
 * once (only their hashes are stored), for the admin to hand out.
 */
export async function commitInvitationImport(ctx: MemberContext, content: string): Promise<InvitationLinkDto[]> {
  await authorize(ctx, "members.manage");
  // Checked and written under a lock on the organisation: two imports of the same file at once
  // cannot both find the people "not invited yet".
  const mailed: string[] = [];
  const links = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${ctx.orgId} FOR UPDATE`;
    const { rows, fileError } = readInvitationCsv(content, await known(ctx, tx));
    if (fileError) throw new RuleError(fileError, "content");
    if (rows.length === 0) throw new RuleError("The file has no people to invite.", "content");
    const bad = rows.find((r) => r.errors.length > 0);
    if (bad) throw new RuleError(`Line ${bad.line}: ${bad.errors.join(" ")} Nothing was imported.`, "content");
    const expiresAt = daysAfter(new Date(), INVITE_DAYS);
    const links = rows.map((r) => ({ row: r, token: randomBytes(32).toString("base64url") }));
    await tx.invitation.createMany({
      data: links.map(({ row, token }) => ({
        organizationId: ctx.orgId,
        tokenHash: hashToken(token),
        role: row.role,
        email: row.email,
        name: row.name || null,
        teamIds: row.teamIds,
        createdById: ctx.membershipId,
        expiresAt,
      })),
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "invitation.import",
        outcome: "ok",
        details: { count: String(rows.length) },
      },
      tx,
    );
    // Each person gets their invitation by e-mail too, written with the invitations (all or none).
    mailed.push(
      ...(await mailInvitations(
        {
          organizationId: ctx.orgId,
          inviterName: ctx.userName,
          expiresAt,
          invitations: links.map(({ row, token }) => ({ role: row.role, email: row.email, token })),
        },
        tx,
      )),
    );
    return links.map(({ row, token }) => ({ email: row.email, name: row.name, token }));
  });
  await nudgeMail(mailed);
  return links;
}

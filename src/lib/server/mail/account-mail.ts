import "server-only";
import { db } from "../db";
import { appUrl } from "../app-url";
import { addedMail, invitationMail, MAIL_KINDS, mailTime, passwordResetMail, ssoLinkMail } from "@/lib/domain/mail";
import { SSO_LINK_MINUTES } from "@/lib/domain/sso";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { RESET_MINUTES } from "@/lib/domain/accounts";
import type { Prisma } from "@/generated/prisma/client";
import { queueMail, queueMails } from "./outbox";

// The mail Conduct sends about accounts and memberships. Essential mail: no unsubscribe link, since
// each answers something a person or their admin just did.

type Client = Prisma.TransactionClient;

async function orgOf(client: Client, organizationId: string) {
  return client.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, timeZone: true },
  });
}

interface InvitationToMail {
  role: Role;
  email: string;
  token: string;
}

/** Invitation e-mails, each with the same one-time link the admin can copy. */
export async function mailInvitations(
  input: { organizationId: string; inviterName: string; expiresAt: Date; invitations: InvitationToMail[] },
  tx?: Client,
): Promise<string[]> {
  const org = await orgOf(tx ?? db(), input.organizationId);
  const expires = mailTime(input.expiresAt, org.timeZone);
  return queueMails(
    input.invitations.map((inv) => ({
      organizationId: input.organizationId,
      toAddress: inv.email,
      kind: MAIL_KINDS.invitation,
      ...invitationMail({
        organisationName: org.name,
        inviterName: input.inviterName,
        roleLabel: ROLE_LABELS[inv.role],
        url: appUrl(`/invite/${inv.token}`),
        expiresAt: expires,
      }),
    })),
    { tx },
  );
}

/** "You were added to <organisation>", to someone whose account existed already. */
export async function mailAdded(
  input: { organizationId: string; userId: string; email: string; name: string; role: Role },
  tx?: Client,
): Promise<string> {
  const org = await orgOf(tx ?? db(), input.organizationId);
  const mail = addedMail({
    name: input.name,
    organisationName: org.name,
    roleLabel: ROLE_LABELS[input.role],
    url: appUrl("/"),
  });
  return queueMail(
    {
      organizationId: input.organizationId,
      userId: input.userId,
      toAddress: input.email,
      kind: MAIL_KINDS.added,
      ...mail,
    },
    { tx },
  );
}

/**
 * A password-reset link by e-mail. An admin's is in their organisation's outbox; a self-service one
 * (organizationId null) is account mail no organisation can read.
 */
export async function mailPasswordReset(input: {
  organizationId: string | null;
  userId: string;
  email: string;
  name: string;
  token: string;
  byAdmin: string | null;
}): Promise<string> {
  const mail = passwordResetMail({
    name: input.name,
    url: appUrl(`/reset-password/${input.token}`),
    minutes: RESET_MINUTES,
    byAdmin: input.byAdmin,
  });
  return queueMail({
    organizationId: input.organizationId,
    userId: input.userId,
    toAddress: input.email,
    kind: MAIL_KINDS.passwordReset,
    ...mail,
  });
}

/**
 * The link that proves an existing account's e-mail before single sign-on may sign it in. Account
 * mail (no organisation): the organisation whose provider asked must not be able to read it, or its
 * admin could link someone else's account to an identity they control.
 */
export async function mailSsoLink(
  input: { userId: string; email: string; name: string; organisationName: string; token: string },
  tx?: Client,
): Promise<string> {
  const mail = ssoLinkMail({
    name: input.name,
    organisationName: input.organisationName,
    url: appUrl(`/sso/confirm/${input.token}`),
    minutes: SSO_LINK_MINUTES,
  });
  return queueMail(
    { organizationId: null, userId: input.userId, toAddress: input.email, kind: MAIL_KINDS.ssoLink, ...mail },
    { tx },
  );
}

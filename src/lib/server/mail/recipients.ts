import "server-only";
import { db } from "../db";
import { channelFor, type NotificationKind } from "@/lib/domain/mail-notifications";

export interface MailRecipient {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
}

/**
 * Of these memberships of the organisation, those who get `kind` by e-mail (channelFor: active
 * members only; their own choice, else the organisation's default, else the built-in one). Ids of
 * another organisation are dropped. One query for the people and their choices, one for the default.
 */
export async function recipientsFor(
  organizationId: string,
  kind: NotificationKind,
  membershipIds: string[],
): Promise<MailRecipient[]> {
  if (membershipIds.length === 0) return [];
  const [members, orgDefault] = await Promise.all([
    db().membership.findMany({
      where: { organizationId, id: { in: [...new Set(membershipIds)] } },
      select: {
        id: true,
        status: true,
        user: { select: { id: true, email: true, name: true, placeholder: true } },
        notificationPrefs: { where: { kind }, select: { channel: true } },
      },
      orderBy: { id: "asc" },
    }),
    db().notificationDefault.findUnique({
      where: { organizationId_kind: { organizationId, kind } },
      select: { channel: true },
    }),
  ]);
  return members
    .filter(
      (m) =>
        !m.user.placeholder &&
        channelFor(kind, {
          orgDefault: orgDefault?.channel,
          personal: m.notificationPrefs[0]?.channel,
          memberStatus: m.status,
        }) === "EMAIL",
    )
    .map((m) => ({ membershipId: m.id, userId: m.user.id, email: m.user.email, name: m.user.name }));
}

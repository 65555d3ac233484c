// Matrix rows for account recovery (src/lib/actions/password-resets.ts), bulk invitations and the
// inbox (src/lib/actions/inbox.ts), and the organisation's calendar (a change waiting for its job too).
import { db } from "@/lib/server/db";
import { PasswordResetInput } from "@/lib/schemas/members";
import { createPasswordReset } from "@/lib/server/data/password-resets";
import { commitInvitationImport, previewInvitationImport } from "@/lib/server/data/invitation-import";
import { ImportInput } from "@/lib/schemas/transfer";
import { buildMember } from "../../factories";
import { type Row, at, row, ADMINS, ALL, A } from "./matrix-core";
import { uid, type Person, type Side } from "./matrix-scenario";
import { markAllRead, markRead, openNotification } from "@/lib/server/data/inbox";
import { MarkReadInput, NotificationIdInput } from "@/lib/schemas/inbox";
import { OrganizationPolicyInput } from "@/lib/schemas/members";
import { setLeadersManageTeams, setOrganizationCalendar } from "@/lib/server/data/organization-settings";
import { OrganizationCalendarInput } from "@/lib/schemas/calendar";
import { pendingCalendarChange } from "@/lib/server/data/calendar-change";

/** An unread item in `me`'s inbox. */
async function notificationFor(s: Side, me: Person): Promise<string> {
  const n = await db().notification.create({
    data: {
      organizationId: s.org.id,
      recipientId: me.membershipId,
      kind: "invitation.accepted",
      subjectId: me.membershipId,
      title: "Someone joined",
      href: "/settings",
    },
    select: { id: true },
  });
  return n.id;
}

const INBOX_NOTE = "any member has an inbox; the data layer touches only the caller's own items";

const peopleCsv = (teamName: string) =>
  ImportInput.parse({
    content: `email,name,role,teams\r\nbulk-${uid()}@example.test,Bulk Person,Member,${teamName}\r\n`,
  });

export const ACCOUNT_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "createPasswordResetAction",
    surface: A("password-resets"),
    requires: "members.manage",
    data: "password-resets.createPasswordReset",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) =>
      PasswordResetInput.parse({ membershipId: (await buildMember(db(), s.org.id, "MEMBER")).membership.id }),
    call: (ctx, i) => createPasswordReset(ctx, i.membershipId),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "previewInvitationImportAction",
    surface: A("members"),
    requires: "members.manage",
    data: "invitation-import.previewInvitationImport",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => peopleCsv(s.team.name),
    call: (ctx, i) => previewInvitationImport(ctx, i.content),
  }),
  row({
    action: "commitInvitationImportAction",
    surface: A("members"),
    requires: "members.manage",
    data: "invitation-import.commitInvitationImport",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => peopleCsv(s.team.name),
    call: (ctx, i) => commitInvitationImport(ctx, i.content),
  }),
  row({
    action: "markNotificationAction",
    surface: A("inbox"),
    requires: null,
    note: INBOX_NOTE,
    data: "inbox.markRead",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => MarkReadInput.parse({ id: await notificationFor(s, me), read: "true" }),
    call: (ctx, i) => markRead(ctx, i.id, i.read === "true"),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "openNotificationAction",
    surface: A("inbox"),
    requires: null,
    note: INBOX_NOTE,
    data: "inbox.openNotification",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => NotificationIdInput.parse({ id: await notificationFor(s, me) }),
    call: (ctx, i) => openNotification(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "markAllNotificationsReadAction",
    surface: A("inbox"),
    requires: null,
    note: INBOX_NOTE,
    data: "inbox.markAllRead",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => ({ id: await notificationFor(s, me) }),
    call: (ctx) => markAllRead(ctx),
  }),
  row({
    action: "setOrganizationPolicyAction",
    surface: A("members"),
    requires: "members.manage",
    data: "organization-settings.setLeadersManageTeams",
    kind: "write",
    allowed: ADMINS,
    setup: async () => OrganizationPolicyInput.parse({ leadersManageTeams: "on" }),
    call: (ctx, i) => setLeadersManageTeams(ctx, i.leadersManageTeams),
  }),
  row({
    action: "setOrganizationCalendarAction",
    surface: A("members"),
    requires: "members.manage",
    data: "organization-settings.setOrganizationCalendar",
    kind: "write",
    allowed: ADMINS,
    setup: async () => OrganizationCalendarInput.parse({ timeZone: "Pacific/Auckland", weekStartsOn: "7" }),
    call: (ctx, i) => setOrganizationCalendar(ctx, i),
  }),
  row({
    action: null,
    surface: "page /settings",
    requires: "members.manage",
    data: "calendar-change.pendingCalendarChange",
    kind: "read",
    allowed: ADMINS,
    note: "a large organisation's time-zone change waiting for its job (docs/decisions/027)",
    setup: async (s) => {
      await db().calendarChange.upsert({
        where: { organizationId: s.org.id },
        create: { organizationId: s.org.id, timeZone: "Pacific/Auckland", weekStartsOn: 1 },
        update: {},
      });
      return {};
    },
    call: (ctx) => pendingCalendarChange(ctx),
  }),
];

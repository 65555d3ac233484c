// Matrix rows for mail and notification settings (src/lib/actions/mail.ts) and the outbox pages.
import { db } from "@/lib/server/db";
import { MailModeInput, MyNotificationInput, NotificationDefaultInput } from "@/lib/schemas/mail";
import {
  mailSettings,
  myNotificationSettings,
  notificationDefaults,
  setMailMode,
  setMyNotification,
  setNotificationDefault,
} from "@/lib/server/mail/settings";
import { listOutbox, outboxMessage } from "@/lib/server/mail/outbox-read";
import { type Row, at, row, ADMINS, ALL, A } from "./matrix-core";
import type { Side } from "./matrix-scenario";

/** A message in the side's outbox (kept there, never sent). */
async function messageIn(s: Side): Promise<string> {
  const m = await db().mailMessage.create({
    data: {
      organizationId: s.org.id,
      kind: "invitation",
      toAddress: "someone@example.test",
      subject: `Hello from ${s.org.name}`,
      text: "Hello",
      html: "<p>Hello</p>",
      status: "OUTBOX",
    },
    select: { id: true },
  });
  return m.id;
}

export const MAIL_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "setMyNotificationAction",
    surface: A("mail"),
    requires: null,
    note: "every member sets their own notifications; the data layer writes only the caller's own membership",
    data: "mail/settings.setMyNotification",
    kind: "write",
    allowed: ALL,
    setup: async () => MyNotificationInput.parse({ kind: "DIGEST", channel: "NONE" }),
    call: (ctx, i) => setMyNotification(ctx, i),
  }),
  row({
    action: "setNotificationDefaultAction",
    surface: A("mail"),
    requires: "notifications.manage",
    data: "mail/settings.setNotificationDefault",
    kind: "write",
    allowed: ADMINS,
    setup: async () => NotificationDefaultInput.parse({ kind: "CUE", channel: "NONE" }),
    call: (ctx, i) => setNotificationDefault(ctx, i.kind, i.channel),
  }),
  row({
    action: "setMailModeAction",
    surface: A("mail"),
    requires: "notifications.manage",
    data: "mail/settings.setMailMode",
    kind: "write",
    allowed: ADMINS,
    setup: async () => MailModeInput.parse({ mailMode: "OUTBOX" }),
    call: (ctx, i) => setMailMode(ctx, i.mailMode),
  }),
  row({
    action: null,
    surface: "page /settings",
    variant: "mail setting",
    requires: "notifications.manage",
    data: "mail/settings.mailSettings",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => mailSettings(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/notifications",
    requires: "notifications.manage",
    data: "mail/settings.notificationDefaults",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => notificationDefaults(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/outbox",
    requires: "notifications.manage",
    data: "mail/outbox-read.listOutbox",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => ({ id: await messageIn(s) }),
    call: (ctx) => listOutbox(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/outbox/[id]",
    requires: "notifications.manage",
    data: "mail/outbox-read.outboxMessage",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => ({ id: await messageIn(s) }),
    call: (ctx, i) => outboxMessage(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
];

export const MAIL_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /profile",
    requires: null,
    data: "mail/settings.myNotificationSettings",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => myNotificationSettings(ctx),
  }),
];

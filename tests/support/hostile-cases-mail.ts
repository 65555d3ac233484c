// Hostile-input cases for the mail and notification actions (issue 17); part of CASES in hostile-cases.ts.
import { ForgotPasswordInput, MailModeInput, MyNotificationInput, NotificationDefaultInput } from "@/lib/schemas/mail";
import { PasswordResetInput } from "@/lib/schemas/members";
import { NOTIFICATION_KINDS } from "@/lib/domain/mail-notifications";
import type { SchemaCase } from "./hostile-cases";

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const kind = { kind: "enum", values: NOTIFICATION_KINDS } as const;

export const MAIL_CASES: SchemaCase[] = [
  {
    name: "MyNotificationInput",
    actions: "setMyNotificationAction",
    schema: MyNotificationInput,
    base: { kind: "DIGEST", channel: "NONE" },
    rules: { kind, channel: { kind: "enum", values: ["EMAIL", "NONE", "DEFAULT"] } },
    form: {},
  },
  {
    name: "NotificationDefaultInput",
    actions: "setNotificationDefaultAction",
    schema: NotificationDefaultInput,
    base: { kind: "CUE", channel: "EMAIL" },
    rules: { kind, channel: { kind: "enum", values: ["EMAIL", "NONE"] } },
    form: {},
  },
  {
    name: "MailModeInput",
    actions: "setMailModeAction",
    schema: MailModeInput,
    base: { mailMode: "OUTBOX" },
    rules: { mailMode: { kind: "enum", values: ["SEND", "OUTBOX"] } },
    form: {},
  },
  {
    name: "ForgotPasswordInput",
    actions: "forgotPasswordAction",
    schema: ForgotPasswordInput,
    base: { email: "someone@example.com" },
    rules: { email: { kind: "email" } },
    form: {},
  },
  {
    name: "PasswordResetInput",
    actions: "createPasswordResetAction",
    schema: PasswordResetInput,
    base: { membershipId: ID, email: "on" },
    rules: { membershipId: { kind: "id", max: 40 }, email: { kind: "bool" } },
    form: {},
  },
];

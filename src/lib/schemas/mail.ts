import { z } from "./zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/domain/mail-notifications";

const Kind = z.enum(NOTIFICATION_KINDS, { error: "Choose a kind of notification." });

/** A person's own choice for one kind; DEFAULT follows the organisation's default again. */
export const MyNotificationInput = z.object({
  kind: Kind,
  channel: z.enum([...NOTIFICATION_CHANNELS, "DEFAULT"], { error: "Choose e-mail, none or the default." }),
});
export type MyNotificationInput = z.infer<typeof MyNotificationInput>;

export const NotificationDefaultInput = z.object({
  kind: Kind,
  channel: z.enum(NOTIFICATION_CHANNELS, { error: "Choose e-mail or none." }),
});

export const MailModeInput = z.object({ mailMode: z.enum(["SEND", "OUTBOX"], { error: "Choose how mail leaves." }) });

export const ForgotPasswordInput = z.object({
  email: z
    .string()
    .trim()
    .max(254, "That e-mail address is too long.")
    .transform((v) => v.toLowerCase())
    .pipe(z.email("Enter your e-mail address.")),
});

export interface NotificationSettingDto {
  kind: (typeof NOTIFICATION_KINDS)[number];
  label: string;
  hint: string;
  /** The person's own choice, or null when they follow the organisation's default. */
  personal: (typeof NOTIFICATION_CHANNELS)[number] | null;
  orgDefault: (typeof NOTIFICATION_CHANNELS)[number];
  effective: (typeof NOTIFICATION_CHANNELS)[number];
}

export interface MailSettingsDto {
  mailMode: "SEND" | "OUTBOX";
  smtpConfigured: boolean;
}

export interface OutboxRowDto {
  id: string;
  status: "QUEUED" | "SENT" | "FAILED" | "OUTBOX";
  kind: string;
  toAddress: string;
  subject: string;
  createdAt: string;
}

export interface OutboxPageDto {
  rows: OutboxRowDto[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
  /** The organisation's zone, to show the times in. */
  timeZone: string;
}

export interface OutboxMessageDto extends OutboxRowDto {
  text: string;
  html: string;
  headers: { name: string; value: string }[];
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  timeZone: string;
}

// Who gets which notification by e-mail (docs/decisions/019). Pure: the data layer loads the
// organisation's default and the person's own choice and asks channelFor.

export const NOTIFICATION_KINDS = [
  "DIGEST",
  "CUE",
  "RITUAL_REMINDER",
  "ACTION_REMINDER",
  "SURVEY_REMINDER",
  "BARRIER_REMINDER",
  "RECOGNITION",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["EMAIL", "NONE"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; hint: string; plural: string }> = {
  DIGEST: { label: "Weekly digest", hint: "Monday morning: your teams' week", plural: "weekly digests" },
  CUE: { label: "Behaviour cues", hint: "A prompt at the moment a behaviour matters", plural: "behaviour cues" },
  RITUAL_REMINDER: {
    label: "Ritual reminders",
    hint: "The day before a ritual, with its agenda",
    plural: "ritual reminders",
  },
  ACTION_REMINDER: { label: "Action reminders", hint: "Your actions when due and overdue", plural: "action reminders" },
  SURVEY_REMINDER: { label: "Survey reminders", hint: "Surveys about to close", plural: "survey reminders" },
  BARRIER_REMINDER: {
    label: "Barrier reminders",
    hint: "Barriers waiting for evidence",
    plural: "barrier reminders",
  },
  RECOGNITION: { label: "Recognition", hint: "When a colleague thanks you", plural: "recognition e-mails" },
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = { EMAIL: "E-mail", NONE: "None" };

/**
 * What an organisation gets before anyone chooses: every kind by e-mail. Cues too: a cue reaches
 * people by e-mail only when someone set that cue up for e-mail, and each message carries a
 * one-click unsubscribe, so starting from "on" loses nothing a person cannot turn off.
 */
export const BUILT_IN_CHANNELS: Record<NotificationKind, NotificationChannel> = {
  DIGEST: "EMAIL",
  CUE: "EMAIL",
  RITUAL_REMINDER: "EMAIL",
  ACTION_REMINDER: "EMAIL",
  SURVEY_REMINDER: "EMAIL",
  BARRIER_REMINDER: "EMAIL",
  RECOGNITION: "EMAIL",
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The channel a person gets a kind on: nothing for anyone who is not an active member; otherwise
 * their own choice, else the organisation's default, else the built-in one.
 */
export function channelFor(
  kind: NotificationKind,
  input: {
    orgDefault?: NotificationChannel | null;
    personal?: NotificationChannel | null;
    memberStatus: "ACTIVE" | "DISABLED" | "INVITED";
  },
): NotificationChannel {
  if (input.memberStatus !== "ACTIVE") return "NONE";
  return input.personal ?? input.orgDefault ?? BUILT_IN_CHANNELS[kind];
}

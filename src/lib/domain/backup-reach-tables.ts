// The backup's description of issue 17's settings: notification defaults and choices, webhooks and
// behaviour cues. Part of BACKUP_TABLES (backup.ts). The mail outbox, the send ledger and the
// webhook delivery log are left out (see BACKUP_TABLES).
import type { TableSpec } from "./backup-columns";
import { bool, en, id, int, long, optRef, optTs, ref, short, ts } from "./backup-columns";

export type ReachTable = "NotificationDefault" | "NotificationPreference" | "Webhook" | "BehaviourCue";

export const REACH_TABLES: Readonly<Record<ReachTable, TableSpec>> = {
  NotificationDefault: {
    columns: { kind: en("NotificationKind"), channel: en("NotificationChannel"), updatedAt: ts },
    unique: [["kind"]],
  },
  NotificationPreference: {
    columns: {
      membershipId: ref("Membership"),
      kind: en("NotificationKind"),
      channel: en("NotificationChannel"),
      updatedAt: ts,
    },
    unique: [["membershipId", "kind"]],
  },
  // Without its signing secret: a backup file travels, and the secret would let whoever holds it sign
  // as Conduct. The import gives each webhook a new secret; a signed (Standard) webhook that was on
  // comes back switched off until an admin rotates the secret and gives it to the receiver.
  Webhook: {
    columns: {
      id,
      name: short,
      url: { kind: "text", max: 2_000 },
      format: en("WebhookFormat"),
      events: { kind: "texts", items: 20, max: 50 },
      teamId: optRef("Team"),
      enabled: bool,
      disabledAt: optTs,
      disabledReason: { kind: "text", max: 1_000, nullable: true },
      consecutiveFailures: int(0),
      createdById: optRef("Membership"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
  BehaviourCue: {
    columns: {
      id,
      behaviourId: ref("Behaviour"),
      message: long,
      weekdays: { kind: "ints", items: 7, min: 1, max: 7 },
      localTime: { kind: "text", max: 5 },
      email: bool,
      webhookId: optRef("Webhook"),
      enabled: bool,
      createdById: optRef("Membership"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [],
  },
};

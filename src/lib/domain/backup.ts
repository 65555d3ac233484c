// The organisation backup: one JSON document holding every row an organisation owns, so that it
// can be imported into an empty organisation on either database (docs/decisions/008). Pure: the
// format and its table descriptions (the reference checks and id remapping are in
// backup-references.ts, the normal form that compares two exports in backup-normal-form.ts). The server reads and writes the rows
// (src/lib/server/data/backup.ts); the zod schema checks the shapes (src/lib/schemas/backup.ts).

export const BACKUP_FORMAT = "conduct-organisation-backup";
import { EMBEDDING_TABLES } from "./backup-embedding-tables";
import { REACH_TABLES } from "./backup-reach-tables";
import { METHOD_TABLES } from "./backup-method-tables";
import type { BACKUP_ENUMS } from "./backup-enums";
import {
  SHORT_TEXT,
  bool,
  en,
  id,
  int,
  json,
  long,
  optEn,
  optInt,
  optJson,
  optRef,
  optTs,
  ref,
  short,
  ts,
  type Column,
  type TableSpec,
} from "./backup-columns";

export { LONG_TEXT, SHORT_TEXT, type Column, type TableSpec } from "./backup-columns";
export { BACKUP_ENUMS } from "./backup-enums";

/**
 * Version 2 (issue 16) adds the embedding tables and turns version 1's CustomerStory rows into
 * stories; version 3 (issue 17) adds notification settings, webhooks, cues and Observation.dayOnly;
 * version 4 adds the organisation's settings (its time zone, week start, who manages teams, mail
 * mode), which the import restores, Survey.closesOn, and issue 18's columns and tables: the barrier a missed
 * entry cites, teams' weekly observation targets, spot checks and the video test's own terms
 * (backup-upgrade.ts reads the older versions).
 */
export const BACKUP_VERSION = 4;
/** The largest backup an import reads: the demo organisation (19,000 observations) is 7 MB, so about 130,000 observations. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export type EnumName = keyof typeof BACKUP_ENUMS;

/** Every organisation-scoped table in the file, in an order where a row's references come before it. */
export const TABLE_NAMES = [
  "Membership",
  "Team",
  "TeamMember",
  "Value",
  "Behaviour",
  "BehaviourVersion",
  "VideoTest",
  "VideoTestTerm",
  "Survey",
  "SurveyQuestion",
  "SurveyOption",
  "SurveyRespondent",
  "SurveyAnswer",
  "Barrier",
  "BarrierBehaviour",
  "BarrierTeam",
  // After Barrier: a missed entry may cite one.
  "Observation",
  "SpotCheck",
  "Intervention",
  "InterventionTeam",
  "Metric",
  "MetricTeam",
  "BehaviourMetric",
  "MetricReading",
  "CustomerFeedback",
  "FeedbackBehaviour",
  "FeedbackBarrier",
  "FeedbackMetric",
  "FeedbackTeam",
  "Ritual",
  "RitualParticipant",
  "RitualOccurrence",
  "AgendaItem",
  "ActionItem",
  "AnchorQuestion",
  "Decision",
  "DecisionAnswer",
  "Recognition",
  "NotificationDefault",
  "NotificationPreference",
  "Webhook",
  "BehaviourCue",
  "AuditEvent",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * The columns of every organisation-scoped table of prisma/schema.prisma (organizationId is
 * implied). Self-references are written and imported parents first.
 * Left out on purpose:
 * - ObservationDaily: derived from Observation by a database trigger; the import lets the trigger
 *   rebuild it and checks the sums.
 * - Invitation: a pending invitation holds the hash of a token that lets whoever has the link join
 *   the organisation; a copy would be a second live key (and tokenHash is unique across organisations).
 * - PasswordReset: the same for a one-time password link.
 * - Notification: each person's inbox is a queue of what is waiting for them now, not a record of
 *   the organisation; its links name the old ids. The facts it reports (reviews, joins, notes) are
 *   in the backup themselves.
 * - MailMessage: the outbox and send log; its messages hold one-time links (invitations, resets).
 * - NotificationSend: the send ledger of what was sent in which period; a restored organisation
 *   starts a fresh one (at worst this week's digest is sent again).
 * - WebhookDelivery: the delivery log, tied to the attempts made from the old organisation.
 * - CalendarChange: a time-zone change still waiting for its job (docs/decisions/027). It belongs to the running
 *   organisation: the file carries the zone as it is when exported, and the restored organisation starts with none.
 * - ApiToken: each token is a live key to the organisation's data (like a webhook's secret, but
 *   the whole record is the key): a backup file must never carry one, and a restored organisation
 *   starts with none; its admins make new ones (docs/decisions/031).
 * - SsoConnection, SsoDomain: single sign-on holds the provider's client secret (a live credential),
 *   and each domain belongs to one organisation only, so a restored copy could not claim them anyway;
 *   its admins set the provider up again (docs/decisions/034).
 * - SsoIdentity: who at the provider is which account, belonging to the connection, which is not
 *   carried either; after a restore each person proves their e-mail once more.
 * - Webhook.secret: the signing secret (see REACH_TABLES.Webhook); the import makes a new one.
 * - Observation.undoTokenHash: lets the browser that logged an entry undo it for 24 hours; the
 *   imported entry has a new id, so the token could not name it anyway.
 * - The version column of Barrier, Metric, the embedding tables, Webhook and BehaviourCue: edit-conflict counters; an imported record starts at 1, as a
 *   new one does (an editor open on the old organisation cannot save into the new one anyway).
 * - From User: everything but name and e-mail (password hashes, session versions, sessions).
 */
export const BACKUP_TABLES: Readonly<Record<TableName, TableSpec>> = {
  Membership: {
    columns: {
      id,
      userId: ref("User"),
      role: en("Role"),
      status: en("MembershipStatus"),
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [["userId"]],
  },
  Team: {
    columns: {
      id,
      name: short,
      kind: en("TeamKind"),
      parentId: optRef("Team"),
      createdAt: ts,
      archivedAt: optTs,
      observationTarget: optInt(1),
    },
    unique: [["name"]],
  },
  TeamMember: {
    columns: { teamId: ref("Team"), membershipId: ref("Membership") },
    unique: [["teamId", "membershipId"]],
  },
  Value: {
    columns: { id, name: short, description: long, position: int(-2_147_483_648), createdAt: ts },
    unique: [["name"]],
  },
  Behaviour: {
    columns: {
      id,
      valueId: ref("Value"),
      title: short,
      actor: short,
      action: long,
      trigger: long,
      frequency: short,
      completionCriterion: long,
      customerOutcome: long,
      example: long,
      anchors: { kind: "texts", items: 50, max: SHORT_TEXT },
      ownerId: ref("Membership"),
      authorId: ref("Membership"),
      status: en("BehaviourStatus"),
      version: int(1),
      parentId: optRef("Behaviour"),
      teamId: optRef("Team"),
      createdAt: ts,
      updatedAt: ts,
      deletedAt: optTs,
    },
    unique: [["title"]],
  },
  BehaviourVersion: {
    columns: {
      id,
      behaviourId: ref("Behaviour"),
      version: int(1),
      snapshot: json,
      editedById: ref("Membership"),
      createdAt: ts,
    },
    unique: [["behaviourId", "version"]],
  },
  VideoTest: {
    columns: {
      id,
      behaviourId: ref("Behaviour"),
      behaviourVersion: int(1),
      reviewerId: ref("Membership"),
      verdict: en("Verdict"),
      answers: json,
      notes: long,
      createdAt: ts,
    },
    unique: [],
  },
  VideoTestTerm: {
    columns: { id, term: short, suggestion: long, createdById: optRef("Membership"), createdAt: ts },
    unique: [["term"]],
  },
  Observation: {
    columns: {
      id,
      behaviourId: ref("Behaviour"),
      teamId: ref("Team"),
      observerId: optRef("Membership"),
      anonymous: bool,
      occurredAt: ts,
      performed: int(0),
      missed: int(0),
      note: long,
      source: en("ObservationSource"),
      dayOnly: bool,
      barrierId: optRef("Barrier"),
      barrierNote: { kind: "text", max: SHORT_TEXT, nullable: true },
      idempotencyKey: { kind: "text", max: 100, nullable: true },
      createdAt: ts,
      updatedAt: ts,
    },
    unique: [["idempotencyKey"]],
  },
  ...METHOD_TABLES,
  Metric: {
    columns: {
      id,
      name: short,
      unit: short,
      kind: en("MetricKind"),
      timing: en("MetricTiming"),
      direction: en("Direction"),
      ownerId: optRef("Membership"),
      targetType: optEn("TargetType"),
      targetValue: { kind: "float", nullable: true },
      targetDate: { kind: "date", nullable: true },
      description: long,
      sourceBehaviourId: optRef("Behaviour"),
      createdAt: ts,
      updatedAt: ts,
      deletedAt: optTs,
    },
    unique: [["name"]],
  },
  MetricTeam: { columns: { metricId: ref("Metric"), teamId: ref("Team") }, unique: [["metricId", "teamId"]] },
  BehaviourMetric: {
    columns: { behaviourId: ref("Behaviour"), metricId: ref("Metric") },
    unique: [["behaviourId", "metricId"]],
  },
  MetricReading: {
    columns: {
      id,
      metricId: ref("Metric"),
      teamId: optRef("Team"),
      date: { kind: "date" },
      value: { kind: "float" },
      createdAt: ts,
    },
    unique: [],
  },
  ...EMBEDDING_TABLES,
  ...REACH_TABLES,
  // Actors who are not members of the organisation (none today) are written as null.
  AuditEvent: {
    columns: {
      id,
      actorUserId: optRef("User"),
      action: { kind: "text", max: 200 },
      targetType: { kind: "text", max: 200, nullable: true },
      targetId: { kind: "mention" },
      outcome: en("AuditOutcome"),
      ip: { kind: "text", max: 200, nullable: true },
      details: optJson,
      at: ts,
    },
    unique: [],
  },
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type BackupRow = Record<string, JsonValue>;

export interface BackupUser {
  /** Stands for the user inside the file (the user's id where the file was written). */
  ref: string;
  name: string;
  email: string;
}

/**
 * The organisation's own row: its name (the import keeps the target's) and its settings, which the
 * import restores. The zone matters most: an observation logged for a day is stored at midday of
 * that day in the organisation's zone, so the restored organisation must read it in the same zone.
 * Settings a file does not carry (version 3) stay as the target has them; versions 1 and 2 come
 * from before time zones, so they carry UTC. Whether private webhook addresses are allowed is not
 * carried: it depends on the network of the deployment, not on the organisation.
 */
export interface BackupOrganisation {
  name: string;
  timeZone?: string;
  weekStartsOn?: number;
  leadersManageTeams?: boolean;
  mailMode?: "SEND" | "OUTBOX";
  /** The retention periods (issue 21), in days. */
  observerRetentionDays?: number;
  noteRetentionDays?: number;
  auditRetentionDays?: number;
  /** The minimum group size (docs/decisions/039). */
  minGroupSize?: number;
}

export interface OrganisationBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  organisation: BackupOrganisation;
  users: BackupUser[];
  tables: Record<TableName, BackupRow[]>;
}

export const columnsOf = (table: TableName): [string, Column][] => Object.entries(BACKUP_TABLES[table].columns);
export const hasId = (table: TableName): boolean => "id" in BACKUP_TABLES[table].columns;

/** Row counts per table (and users), e.g. for the import's success message. */
export function backupCounts(doc: OrganisationBackup): Record<TableName | "users", number> {
  return {
    users: doc.users.length,
    ...(Object.fromEntries(TABLE_NAMES.map((t) => [t, doc.tables[t].length])) as Record<TableName, number>),
  };
}

// Retention of what Conduct keeps about people (issue 21, docs/decisions/035). Pure: the limits, the cut-off
// days and which audit events are security events, kept whatever the policy says.

export interface RetentionPolicy {
  /** Named observations lose their observer (the counts stay) after this many days. */
  observerDays: number;
  /** Observation notes (and "something else" barrier texts) are emptied after this many days. */
  noteDays: number;
  /** Audit events other than security events are deleted after this many days. */
  auditDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { observerDays: 180, noteDays: 365, auditDays: 400 };

/**
 * The bounds an admin may choose. Observers and notes are kept at least a week (the Log pad's undo, the
 * honesty guard's 24 hours and a week's review all read them); the audit trail at least 90 days, so the
 * last quarter's changes can always be traced; nothing longer than ten years.
 */
export const RETENTION_LIMITS = {
  observerDays: { min: 7, max: 3650 },
  noteDays: { min: 7, max: 3650 },
  auditDays: { min: 90, max: 3650 },
} as const satisfies Record<keyof RetentionPolicy, { min: number; max: number }>;

/**
 * Security events stay whatever the audit retention: who signed in, who was refused, who changed whose role,
 * who made or revoked a key, who exported or restored the organisation, and what retention itself removed.
 */
export const SECURITY_AUDIT_PREFIXES = [
  "access.",
  "account.",
  "api-token.",
  "auth.",
  "invitation.",
  "member.",
  "membership.",
  "organization.",
  "password-reset.",
  "privacy.",
  "audit.",
] as const;

export const isSecurityAuditAction = (action: string): boolean =>
  SECURITY_AUDIT_PREFIXES.some((prefix) => action.startsWith(prefix));

const DAY_MS = 86_400_000;

/** The instants before which each kind of record is past its retention, counted in whole days back from `now`. */
export function retentionCutoffs(policy: RetentionPolicy, now: Date): { observers: Date; notes: Date; audit: Date } {
  const back = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return { observers: back(policy.observerDays), notes: back(policy.noteDays), audit: back(policy.auditDays) };
}

/** A sentence per rule, for the settings page and the privacy page. */
/** Days after a survey closes before its respondents lose every link to a person (it can be reopened until then). */
export const SURVEY_DEIDENTIFY_DAYS = 7;

export function describeRetention(policy: RetentionPolicy): string[] {
  return [
    `A named observation keeps its observer for ${policy.observerDays} days; after that it is anonymous and only its counts remain, so every adoption figure stays the same.`,
    `Notes written with observations are deleted after ${policy.noteDays} days.`,
    `Audit events are deleted after ${policy.auditDays} days, except security events (sign-ins, refusals, role changes, keys, exports and restores, and what retention removed), which are kept.`,
    `Survey answers keep no link to the person who answered once the survey has been closed for ${SURVEY_DEIDENTIFY_DAYS} days (until then it can be reopened, and the link stops a second answer); a survey whose answers were de-identified cannot reopen.`,
  ];
}

// The privacy page's words (issue 21): what each role may see and do with people's data, and how reports
// keep people out of the figures, generated from the permission table (roles.ts) and the thresholds the
// code applies, so the page cannot drift from what the app does. Pure.
import { can, PERMISSIONS, ROLES, type OrgPolicy, type Permission, type Role } from "./roles";
import { RETENTION_LIMITS, SECURITY_AUDIT_PREFIXES } from "./retention";
import { MIN_RATE_OPPORTUNITIES } from "./outcomes";
import { describeGroupSize, MIN_GROUP_SIZE_LIMITS } from "./group-size";
import { PARTICIPATION_DAYS } from "./participation";

/**
 * Every permission, classified: the plain-language lines of one that touches people's data (who did what,
 * names, e-mail addresses, entries, answers), or why it does not. A new permission must be put here
 * (the type and tests/unit/privacy-notice.test.ts both fail until it is), so the page cannot omit it.
 */
export const PERMISSION_NOTICE: Record<Permission, { lines: readonly string[] } | { notPersonal: string }> = {
  "observations.log": {
    lines: [
      "Log observations",
      "See who logged each entry (the Log page's recent entries, until the observer's name is removed)",
    ],
  },
  "honesty.review": { lines: ["Review the honesty guard's names: who logs in long runs or in bursts"] },
  "members.manage": {
    lines: [
      "Manage members: invite people, change roles, disable accounts, see everyone's e-mail address",
      "Read and export the audit trail: who did what, and when",
      "Export data: back up the whole organisation, people included, to a file",
      "Set how long names, notes and audit events are kept",
    ],
  },
  "teams.manage": { lines: ["Put anyone in a team or take them out"] },
  "dashboards.view": { lines: ["Read the adoption dashboards (by behaviour and team, never by person)"] },
  "barriers.manage": {
    lines: ["Run surveys and read their results as counts (a survey that is not anonymous keeps who answered)"],
  },
  "barriers.propose": { lines: ["Put forward a barrier (it shows who put it forward)"] },
  "surveys.respond": { lines: ["Answer surveys"] },
  "spotChecks.anyTeam": { lines: ["Ask a named colleague to spot-check any team (a manager asks for their own)"] },
  "actions.manage": { lines: ["Assign actions to anyone and change them"] },
  "feedback.record": { lines: ["Write down what a customer said (it shows who wrote it)"] },
  "feedback.manage": { lines: ["Change or delete anyone's customer feedback, remove anyone's recognition"] },
  "recognition.give": { lines: ["Thank a named colleague or a team"] },
  "webhooks.manage": { lines: ["Send the organisation's events to other tools (webhooks)"] },
  "notifications.manage": { lines: ["Read every e-mail Conduct writes to people (the outbox)"] },
  "apiTokens.manage": { lines: ["Make keys that let other tools read and write the organisation's data"] },
  "sso.manage": { lines: ["Choose the identity provider people sign in with"] },
  "scim.manage": {
    lines: ["Let the organisation's directory add, rename and disable members and teams (SCIM)"],
  },
  "jobs.manage": { lines: ["See the background jobs (e-mails, webhooks) and their errors"] },
  "catalogue.edit": { notPersonal: "defines behaviours, not entries about people" },
  "catalogue.review": { notPersonal: "reviews the wording of behaviours" },
  "metrics.manage": { notPersonal: "business outcome figures, not people" },
  "observations.import": { notPersonal: "imported counts come from other tools and carry no observer" },
  "rituals.manage": { notPersonal: "schedules and agendas" },
  "decisions.record": { notPersonal: "the organisation's decisions" },
  "anchors.manage": { notPersonal: "the organisation's anchor questions" },
  "videoTest.terms": { notPersonal: "words the automatic video test flags as vague" },
};

export interface AccessLine {
  permission: Permission;
  line: string;
  /** The roles that may, with the organisation's own settings (e.g. leaders managing teams). */
  roles: Role[];
}

/** Who may see and do what with people's data, one line per thing, in the table's order. */
export function accessLines(policy: OrgPolicy): AccessLine[] {
  return PERMISSIONS.flatMap((permission) => {
    const notice = PERMISSION_NOTICE[permission];
    if (!("lines" in notice)) return [];
    const roles = ROLES.filter((role) => can(role, permission, policy));
    return notice.lines.map((line) => ({ permission, line, roles }));
  });
}

/** The words for each kind of security event the audit retention keeps (retention.ts SECURITY_AUDIT_PREFIXES). */
export const SECURITY_EVENT_WORDS: Record<(typeof SECURITY_AUDIT_PREFIXES)[number], string> = {
  "access.": "refused access",
  "account.": "new accounts",
  "api-token.": "API keys made and revoked",
  "auth.": "sign-ins",
  "invitation.": "invitations",
  "member.": "members added and their sign-ins",
  "membership.": "role changes and people joining",
  "organization.": "organisation settings, exports and restores",
  "password-reset.": "password resets",
  "privacy.": "retention changes and what retention removed",
  "audit.": "audit trail exports",
};

/** The kinds of security event that are kept whatever the audit retention, in words. */
export const securityEventsKept = (): string[] => SECURITY_AUDIT_PREFIXES.map((p) => SECURITY_EVENT_WORDS[p]);

/** The bounds an admin may choose each period within, in words. */
export function retentionBounds(): string {
  const { observerDays: o, noteDays: n, auditDays: a } = RETENTION_LIMITS;
  return `Admins choose each period: who observed, from ${o.min} to ${o.max} days; notes, from ${n.min} to ${n.max} days; the audit trail, from ${a.min} to ${a.max} days.`;
}

/**
 * How figures keep people out of them, from the rules the code applies: adoption is never per person
 * (docs/decisions/036), a group under the organisation's minimum group size shows no figures (docs/decisions/039),
 * the heat map greys cells under MIN_RATE_OPPORTUNITIES opportunities, and a team page counts who logged without
 * naming them.
 */
export function reportingRules(minGroupSize: number): string[] {
  const { min, max } = MIN_GROUP_SIZE_LIMITS;
  return [
    "Adoption is counted per behaviour, team, value stream and organisation, never per person: nobody sees a ranking of people.",
    describeGroupSize(minGroupSize),
    `When the teams hidden in a total (the organisation's, or a value stream's) have fewer people together than the threshold, the smallest team shown beside them is hidden too, so their figures cannot be worked out by subtraction. The organisation's own figures are always shown.`,
    "An intervention's before and after figures, and its comparison with the teams that have not had it, follow the same rule over the teams chosen: they are hidden when those teams are too few people, or would give a hidden team's figures away.",
    `Admins choose the minimum group size, from ${min} to ${max} people.`,
    `On the dashboards, a team and behaviour with fewer than ${MIN_RATE_OPPORTUNITIES} opportunities in the period shows no rate.`,
    `A team page shows how many of its members logged in the last ${PARTICIPATION_DAYS} days, and how many honesty signals there were, without names; only admins see the names, and why an entry was flagged.`,
  ];
}

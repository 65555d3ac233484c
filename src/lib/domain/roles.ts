// Roles and what each may do. Pure: used by the data layer (to refuse) and by the UI (to hide).

export const ROLES = ["ADMIN", "LEADER", "MANAGER", "MEMBER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  LEADER: "Leader",
  MANAGER: "Manager",
  MEMBER: "Member",
};

export type Permission =
  | "members.manage" // invite, change roles, disable
  | "teams.manage" // create, rename, move, archive and delete teams and value streams; anyone's team members
  | "catalogue.edit" // define and change behaviours
  | "catalogue.review" // run the human video test (never on one's own behaviour)
  | "dashboards.view" // manager dashboards
  | "barriers.manage" // record, score and classify barriers; surveys; interventions
  | "metrics.manage" // define outcome metrics, record and import their readings
  | "barriers.propose" // anyone may put forward what gets in their way; a manager scores it
  | "surveys.respond"
  | "observations.log"
  | "honesty.review" // see who logs in streaks or bursts, by name: admins only (docs/decisions/036)
  | "spotChecks.anyTeam" // ask for a spot check of any team (a manager asks for their own teams)
  | "observations.import" // bring counts in from other tools
  | "rituals.manage" // schedule rituals, shape any occurrence's agenda (a facilitator shapes their own)
  | "actions.manage" // create, assign and change anyone's actions (an owner closes their own)
  | "decisions.record" // record decisions and their answers to the anchor questions
  | "anchors.manage" // edit the organisation's anchor questions
  | "feedback.record" // anyone who hears a customer writes down what they said
  | "feedback.manage" // change or delete anyone's feedback, import it from CSV
  | "recognition.give" // thank a colleague or a team for a specific act of a behaviour
  | "webhooks.manage" // outgoing webhooks (Slack, Teams, signed JSON): they send the organisation's data out
  | "notifications.manage" // the organisation's mail setting and notification defaults; read its outbox
  | "apiTokens.manage" // organisation API tokens: each one reads and writes the organisation's data from outside
  | "sso.manage" // single sign-on: which identity provider signs in the organisation's e-mail domains
  | "scim.manage" // SCIM tokens: let the identity provider create, change and disable members and teams
  | "jobs.manage" // see the organisation's background jobs and retry failed ones
  | "videoTest.terms"; // add and remove the organisation's own vague words for the automatic video test

const MATRIX: Record<Permission, readonly Role[]> = {
  "members.manage": ["ADMIN"],
  "teams.manage": ["ADMIN"],
  "catalogue.edit": ["ADMIN", "LEADER"],
  "catalogue.review": ["ADMIN", "LEADER", "MANAGER"],
  "dashboards.view": ["ADMIN", "LEADER", "MANAGER"],
  "barriers.manage": ["ADMIN", "LEADER", "MANAGER"],
  "metrics.manage": ["ADMIN", "LEADER", "MANAGER"],
  "barriers.propose": ["ADMIN", "LEADER", "MANAGER", "MEMBER"],
  "surveys.respond": ["ADMIN", "LEADER", "MANAGER", "MEMBER"],
  "observations.log": ["ADMIN", "LEADER", "MANAGER", "MEMBER"],
  "honesty.review": ["ADMIN"],
  "spotChecks.anyTeam": ["ADMIN", "LEADER"],
  "observations.import": ["ADMIN", "LEADER", "MANAGER"],
  "rituals.manage": ["ADMIN", "LEADER", "MANAGER"],
  "actions.manage": ["ADMIN", "LEADER", "MANAGER"],
  "decisions.record": ["ADMIN", "LEADER", "MANAGER"],
  "anchors.manage": ["ADMIN"],
  "feedback.record": ["ADMIN", "LEADER", "MANAGER", "MEMBER"],
  "feedback.manage": ["ADMIN", "LEADER", "MANAGER"],
  "recognition.give": ["ADMIN", "LEADER", "MANAGER", "MEMBER"],
  "webhooks.manage": ["ADMIN"],
  "notifications.manage": ["ADMIN"],
  "apiTokens.manage": ["ADMIN"],
  "sso.manage": ["ADMIN"],
  "scim.manage": ["ADMIN"],
  "jobs.manage": ["ADMIN"],
  "videoTest.terms": ["ADMIN"],
};

/** Every permission, in the matrix's order: what the privacy page walks to say who may do what. */
export const PERMISSIONS = Object.keys(MATRIX) as Permission[];

/** What an organisation has chosen to allow beyond the matrix (its settings, set by an admin). */
export interface OrgPolicy {
  leadersManageTeams: boolean;
}

export function can(role: Role, permission: Permission, policy?: OrgPolicy): boolean {
  if (MATRIX[permission].includes(role)) return true;
  return permission === "teams.manage" && role === "LEADER" && policy?.leadersManageTeams === true;
}

export interface NavItem {
  href: string;
  label: string;
}

/** The signed-in navigation, shaped by role: a menu never offers what the server would refuse. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [
    { href: "/catalogue", label: "Catalogue" },
    { href: "/log", label: "Log" },
    { href: "/teams", label: "Teams" },
    { href: "/barriers", label: "Barriers" },
    { href: "/surveys", label: "Surveys" },
    { href: "/interventions", label: "Interventions" },
    { href: "/rituals", label: "Rituals" },
    { href: "/actions", label: "Actions" },
    { href: "/decisions", label: "Decisions" },
    { href: "/feedback", label: "Feedback" },
    { href: "/recognition", label: "Recognition" },
  ];
  if (can(role, "dashboards.view"))
    items.push({ href: "/dashboards", label: "Dashboards" }, { href: "/metrics", label: "Metrics" });
  items.push({ href: "/settings", label: "Settings" });
  return items;
}

/**
 * Where a role lands after signing in (and on "/"): the page each does first. Members log what they
 * saw, managers read the dashboards, leaders and admins shape the catalogue (issue 14).
 */
export const LANDING: Record<Role, string> = {
  ADMIN: "/catalogue",
  LEADER: "/catalogue",
  MANAGER: "/dashboards",
  MEMBER: "/log",
};

export function landingFor(role: Role): string {
  return LANDING[role];
}

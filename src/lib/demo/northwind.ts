// Demo content for the seed script: "Northwind Software", a software supplier, and a small second
// organisation, "Fabrikam Health". Pure data, no imports.
//
// Every behaviour is written to pass the video test: a named actor, a filmable action on a concrete
// artefact, a concrete trigger, a measurable deadline or frequency, and a completion criterion that
// anyone can check. baseRate, trend and dailyOpportunities drive the six months of simulated
// observations (about dailyOpportunities x teams x 130 working days per active behaviour).

export type DemoRole = "ADMIN" | "LEADER" | "MANAGER" | "MEMBER";
export type ComB =
  | "PHYSICAL_CAPABILITY" | "PSYCHOLOGICAL_CAPABILITY" | "PHYSICAL_OPPORTUNITY" | "SOCIAL_OPPORTUNITY"
  | "REFLECTIVE_MOTIVATION" | "AUTOMATIC_MOTIVATION";
export type Determinant =
  | "SELF_EFFICACY" | "SOCIAL_NORMS" | "POSITIVE_CONSEQUENCES" | "NEGATIVE_CONSEQUENCES" | "ACCESS" | "CUES_FOR_ACTION"
  | "SUSCEPTIBILITY" | "SEVERITY" | "ACTION_EFFICACY" | "DIVINE_WILL" | "POLICY" | "CULTURE";
export type DemoScore = 1 | 2 | 3 | 4 | 5;

export interface DemoUser { key: string; name: string; email: string; role: DemoRole; teams: string[] /* team names */ }
export interface DemoTeam { name: string; kind: "VALUE_STREAM" | "TEAM"; parent?: string /* value stream name */ }
export interface DemoBehaviour {
  title: string; actor: string; action: string; trigger: string; frequency: string; completionCriterion: string;
  customerOutcome: string; example: string; anchors: string[]; ownerKey: string; status: "ACTIVE" | "IN_REVIEW" | "DRAFT";
  // Simulated adoption for the six-month observation generator.
  baseRate: number; trend: number; dailyOpportunities: number;
}
export interface DemoValue { name: string; description: string; behaviours: DemoBehaviour[] }
export interface DemoBarrier {
  title: string; description: string; evidence: string; comB: ComB; determinant: Determinant;
  feasibility: "ENABLED" | "DIFFICULT" | "IMPOSSIBLE"; impact: DemoScore; reach: DemoScore; ease: DemoScore;
  status: "IDENTIFIED" | "INTERVENTION_PLANNED" | "IN_PROGRESS" | "REMOVED" | "ACCEPTED";
  behaviourTitles: string[]; teams: string[];
}
export interface DemoMetric {
  name: string; unit: string; kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS"; timing: "LEADING" | "LAGGING"; direction: "UP" | "DOWN";
  ownerKey?: string; targetType?: "AT_LEAST" | "AT_MOST" | "INCREASE_TO" | "DECREASE_TO"; targetValue?: number;
  start: number; end: number; noise: number; behaviourTitles: string[];
}
export interface DemoOrganization {
  name: string; slug: string; users: DemoUser[]; teams: DemoTeam[]; values: DemoValue[];
  barriers: DemoBarrier[]; metrics: DemoMetric[]; teamAdoptionOffset: Record<string, number>;
}

export const DEMO_PASSWORD = "conduct-demo-2026";

// Decision questions (anchors) shared across behaviours.
const OUTCOME = "How does this improve the customer's outcome?";
const EVIDENCE = "What would the customer see or hear if we did this today?";
const TRADE_OFF = "What does the customer gain, and what does it cost us?";
const WHO_WAITS = "Who is waiting on us right now, and for what?";

// Behaviour titles used by barriers and metrics (kept in one place so the links cannot drift).
const T = {
  storyGoal: "Customer goal quoted on every story",
  sitIn: "Engineer sits in on one customer call per sprint",
  impactFields: "Affected customers and revenue at risk on every backlog item",
  restate: "Customer's words in the first reply",
  quoteAtPlanning: "Customer quote read aloud at sprint planning",
  ownerReview: "Owning team added as reviewer on shared-API changes",
  handover: "Handover call for every cross-team escalation",
  demoUsage: "Shipped feature demoed with one usage number",
  confirmFix: "Customer asked to confirm the fix",
  rootCause: "Root cause on the ticket within 24 h",
  statusPage: "Status-page notice within 30 minutes of an alert",
  mondayEmail: "Monday status email to key accounts",
  namedOwner: "Named owner on every escalated ticket",
  releaseMetric: "Customer metric named in every release note",
  decisionLog: "Both effects recorded when a request is declined",
  alternative: "Declined request answered with a usable alternative",
} as const;

// Team names.
const ACTIVATION = "Activation";
const SUPPORT = "Support Engineering";
const BILLING = "Billing & Payments";
const RELIABILITY = "Platform Reliability";
const REPORTING = "Data & Reporting";

export const NORTHWIND: DemoOrganization = {
  name: "Northwind Software",
  slug: "northwind",
  users: [
    { key: "admin", name: "Ada Okonkwo", email: "admin@northwind.example", role: "ADMIN", teams: [] },
    { key: "leader", name: "Leonie Hartmann", email: "leader@northwind.example", role: "LEADER", teams: [] },
    { key: "manager", name: "Marco Ruiz", email: "manager@northwind.example", role: "MANAGER", teams: [ACTIVATION, SUPPORT] },
    { key: "member", name: "Mina Patel", email: "member@northwind.example", role: "MEMBER", teams: [SUPPORT] },
    { key: "kofi", name: "Kofi Mensah", email: "kofi.mensah@northwind.example", role: "MANAGER", teams: [BILLING, RELIABILITY] },
    { key: "jonas", name: "Jonas Weber", email: "jonas.weber@northwind.example", role: "MEMBER", teams: [ACTIVATION] },
    { key: "aiko", name: "Aiko Sato", email: "aiko.sato@northwind.example", role: "MEMBER", teams: [BILLING] },
    { key: "ravi", name: "Ravi Iyer", email: "ravi.iyer@northwind.example", role: "MEMBER", teams: [RELIABILITY, REPORTING] },
    { key: "sofia", name: "Sofia Lindqvist", email: "sofia.lindqvist@northwind.example", role: "MEMBER", teams: [REPORTING] },
  ],
  teams: [
    { name: "Customer Onboarding", kind: "VALUE_STREAM" },
    { name: "Core Platform", kind: "VALUE_STREAM" },
    { name: ACTIVATION, kind: "TEAM", parent: "Customer Onboarding" },
    { name: SUPPORT, kind: "TEAM", parent: "Customer Onboarding" },
    { name: BILLING, kind: "TEAM", parent: "Core Platform" },
    { name: RELIABILITY, kind: "TEAM", parent: "Core Platform" },
    { name: REPORTING, kind: "TEAM", parent: "Core Platform" },
  ],
  values: [
    {
      name: "Deep understanding of customer needs",
      description: "We build from what customers tell and show us, not from what we assume they want.",
      behaviours: [
        {
          title: T.storyGoal, actor: "The product manager",
          action: "writes the customer's goal as a quoted sentence from a customer conversation in the story description",
          trigger: "Before a story is moved to Ready", frequency: "every story, before sprint planning",
          completionCriterion: "The story description has a 'Customer goal:' line with a quote and the name of the customer account",
          customerOutcome: "Features solve the problem the customer actually has, so fewer follow-up change requests.",
          example: "Story NW-1432: Customer goal: \"We need to see which invoices failed before our month-end close\" (Harbour Logistics).",
          anchors: [OUTCOME, EVIDENCE], ownerKey: "manager", status: "ACTIVE", baseRate: 0.55, trend: 0.15, dailyOpportunities: 3.0,
        },
        {
          title: T.sitIn, actor: "The engineer assigned to a feature",
          action: "joins one customer call or support session and adds three observations to the team's research board",
          trigger: "During each two-week sprint", frequency: "at least once per sprint",
          completionCriterion: "The research board shows a card with the engineer's name, the call date and three written observations",
          customerOutcome: "Engineers design with real usage in view, which cuts rework after release.",
          example: "Jonas joined a Harbour Logistics onboarding call and noted that the admin exported CSVs three times to find one user.",
          anchors: [OUTCOME, EVIDENCE], ownerKey: "jonas", status: "DRAFT", baseRate: 0.38, trend: 0.2, dailyOpportunities: 0.6,
        },
      ],
    },
    {
      name: "Prioritisation by customer value",
      description: "We rank work by how many customers it helps and how much it matters to them.",
      behaviours: [
        {
          title: T.impactFields, actor: "The product owner",
          action: "fills in the 'Affected customers' count and the 'Revenue at risk' amount on the backlog item",
          trigger: "Before a backlog item is ranked in refinement", frequency: "every refinement session",
          completionCriterion: "Every ranked item in the top 20 of the backlog shows both fields filled in",
          customerOutcome: "The work that helps the most customers ships first.",
          example: "The export-timeout bug moved above the theming story once it showed 41 affected customers and EUR 180k at risk.",
          anchors: [OUTCOME, TRADE_OFF], ownerKey: "kofi", status: "ACTIVE", baseRate: 0.6, trend: 0.1, dailyOpportunities: 2.6,
        },
      ],
    },
    {
      name: "Empathy and advocacy",
      description: "We speak up for the customer's situation inside Northwind, in the customer's own words.",
      behaviours: [
        {
          title: T.restate, actor: "The support engineer",
          action: "restates the customer's problem in the customer's own words as the opening of the first reply on the ticket",
          trigger: "When a new support ticket is assigned", frequency: "in the first reply, within 4 working hours",
          completionCriterion: "The first public reply opens with 'So that I have this right:' followed by the restated problem",
          customerOutcome: "Customers get an answer to the problem they have, without a second round of explanation.",
          example: "\"So that I have this right: the nightly sync stops after 2,000 records and your team re-runs it by hand each morning.\"",
          anchors: [OUTCOME, WHO_WAITS], ownerKey: "member", status: "ACTIVE", baseRate: 0.7, trend: 0.05, dailyOpportunities: 3.0,
        },
        {
          title: T.quoteAtPlanning, actor: "The product manager",
          action: "reads one verbatim customer quote with its ticket link aloud at the start of sprint planning",
          trigger: "At the start of every sprint planning meeting", frequency: "every sprint planning",
          completionCriterion: "The planning notes open with a 'Customer voice' line holding the quote and the ticket link",
          customerOutcome: "The team plans with a real customer situation in front of it.",
          example: "\"We lost a day of payroll because the retry button did nothing\" (ticket SUP-8812), read at the start of sprint 31 planning.",
          anchors: [OUTCOME, EVIDENCE], ownerKey: "manager", status: "IN_REVIEW", baseRate: 0.45, trend: 0.2, dailyOpportunities: 0.5,
        },
      ],
    },
    {
      name: "Collaboration across teams",
      description: "We work across team lines so the customer never feels our org chart.",
      behaviours: [
        {
          title: T.ownerReview, actor: "The engineer opening a pull request",
          action: "adds a reviewer from each team that owns an affected service to the pull request",
          trigger: "When a pull request changes a shared API or a service owned by another team", frequency: "before the pull request is merged",
          completionCriterion: "The merged pull request shows an approval from a member of each owning team listed in CODEOWNERS",
          customerOutcome: "Fewer releases break an integration the customer depends on.",
          example: "PR #5120 changed the invoice API; Aiko added a Data & Reporting reviewer, who caught a renamed field used by the export.",
          anchors: [OUTCOME, WHO_WAITS], ownerKey: "kofi", status: "ACTIVE", baseRate: 0.65, trend: 0.1, dailyOpportunities: 3.0,
        },
        {
          title: T.handover, actor: "The support engineer escalating a ticket",
          action: "holds a 15-minute handover call with the receiving engineer and links the call notes on the ticket",
          trigger: "When a customer ticket is escalated to another team", frequency: "within 1 working day of the escalation",
          completionCriterion: "The ticket shows a 'Handover' note with both names, the date and the agreed next step",
          customerOutcome: "Customers do not have to repeat their problem to a second team.",
          example: "Mina and Ravi spent 15 minutes on SUP-9034 (failed webhook retries) and agreed Ravi would add logging by Thursday.",
          anchors: [WHO_WAITS, OUTCOME], ownerKey: "member", status: "ACTIVE", baseRate: 0.4, trend: 0.18, dailyOpportunities: 1.8,
        },
      ],
    },
    {
      name: "Feedback loops and iteration",
      description: "We check with customers and usage data whether what we shipped worked, and adjust.",
      behaviours: [
        {
          title: T.demoUsage, actor: "The team's tech lead",
          action: "demos each shipped feature at sprint review and shows one usage figure from the analytics dashboard",
          trigger: "At every sprint review", frequency: "every sprint review",
          completionCriterion: "The sprint review slides hold a usage chart or number for each feature shipped in the sprint",
          customerOutcome: "Features that customers do not use are spotted within weeks, not quarters.",
          example: "Bulk invite: 63 of 210 new accounts used it in its first two weeks; the team added it to the onboarding checklist.",
          anchors: [EVIDENCE, OUTCOME], ownerKey: "ravi", status: "ACTIVE", baseRate: 0.5, trend: 0.22, dailyOpportunities: 0.8,
        },
        {
          title: T.confirmFix, actor: "The support engineer",
          action: "asks the customer to confirm the fix works and records the reply on the ticket",
          trigger: "When a fix for a customer-reported defect is deployed", frequency: "within 2 working days of the deployment",
          completionCriterion: "The ticket shows the customer's confirmation, or their follow-up question, before it is closed",
          customerOutcome: "Tickets close when the customer's problem is gone, not when our code is merged.",
          example: "\"The fix for the CSV encoding is live; could you re-run Monday's export and tell us if the umlauts look right?\"",
          anchors: [OUTCOME, EVIDENCE], ownerKey: "member", status: "ACTIVE", baseRate: 0.58, trend: 0.12, dailyOpportunities: 2.8,
        },
      ],
    },
    {
      name: "Proactive problem-solving",
      description: "We find and fix problems before customers have to chase us.",
      behaviours: [
        {
          title: T.rootCause, actor: "The on-call engineer",
          action: "posts the root cause and next step on the customer's ticket",
          trigger: "When a customer reports a defect", frequency: "within 24 hours",
          completionCriterion: "A comment headed 'Root cause' with a named next step is visible on the ticket",
          customerOutcome: "Customers can plan around a defect because they hear what broke and what happens next.",
          example: "Root cause: an expired TLS certificate on the EU webhook relay. Next step: Ravi rotates it and adds an expiry alert today.",
          anchors: [OUTCOME, WHO_WAITS], ownerKey: "manager", status: "ACTIVE", baseRate: 0.62, trend: 0.15, dailyOpportunities: 2.6,
        },
        {
          title: T.statusPage, actor: "The on-call engineer",
          action: "publishes a status-page notice naming the affected feature and the expected fix time",
          trigger: "When monitoring shows an error rate above 2% on a customer-facing service", frequency: "within 30 minutes of the alert",
          completionCriterion: "A status-page entry naming the feature and a fix time is timestamped within 30 minutes of the alert",
          customerOutcome: "Customers hear about an outage from us before they find it themselves.",
          example: "09:12 alert on payment retries; 09:31 status page: \"Card payment retries delayed; expected fix 11:00 CET.\"",
          anchors: [WHO_WAITS, OUTCOME], ownerKey: "kofi", status: "ACTIVE", baseRate: 0.45, trend: 0.2, dailyOpportunities: 1.2,
        },
      ],
    },
    {
      name: "Clear communication and transparency",
      description: "We tell customers where things stand, including bad news, before they have to ask.",
      behaviours: [
        {
          title: T.mondayEmail, actor: "The account lead",
          action: "sends each key account a status email listing its open tickets, each ticket's owner and the next update date",
          trigger: "For every key account with at least one open ticket", frequency: "each Monday before 12:00",
          completionCriterion: "The CRM shows a sent status email for each key account with open tickets, dated that Monday",
          customerOutcome: "Key accounts can see progress on their issues without chasing their contact.",
          example: "Harbour Logistics, 3 open tickets: SUP-9034 (Ravi, update Wed), SUP-9051 (Mina, update Tue), NW-1432 (Marco, in sprint 32).",
          anchors: [WHO_WAITS, EVIDENCE], ownerKey: "jonas", status: "ACTIVE", baseRate: 0.72, trend: -0.08, dailyOpportunities: 1.8,
        },
      ],
    },
    {
      name: "Ownership of customer outcomes",
      description: "One named person answers for each customer problem until the customer says it is solved.",
      behaviours: [
        {
          title: T.namedOwner, actor: "The support triage lead",
          action: "assigns a named person as owner and writes the promised next update time on the ticket",
          trigger: "When a ticket is escalated or misses its first-response target", frequency: "within 2 working hours",
          completionCriterion: "The ticket shows an individual owner (not a queue) and a filled 'Next update by' date",
          customerOutcome: "Every customer problem has one person who answers for it, so nothing waits in a shared queue.",
          example: "SUP-9102 breached first response at 14:00; at 14:40 it showed owner Aiko Sato, next update by Thursday 10:00.",
          anchors: [WHO_WAITS, OUTCOME], ownerKey: "manager", status: "ACTIVE", baseRate: 0.5, trend: 0.2, dailyOpportunities: 3.0,
        },
      ],
    },
    {
      name: "Measuring success by customer outcomes",
      description: "We call a release a success when a customer number moves, not when it ships.",
      behaviours: [
        {
          title: T.releaseMetric, actor: "The product manager",
          action: "writes the customer metric the release should move, with its current reading, in the release note",
          trigger: "When a release note is drafted", frequency: "before the release is approved",
          completionCriterion: "The approved release note contains a 'Customer metric:' line with a metric name and a current number",
          customerOutcome: "Releases are judged by what changed for customers, and weak ones are revisited.",
          example: "Release 4.18 - Customer metric: time to first invoice for new accounts, currently 6.2 days.",
          anchors: [EVIDENCE, OUTCOME], ownerKey: "sofia", status: "ACTIVE", baseRate: 0.35, trend: 0.25, dailyOpportunities: 1.2,
        },
      ],
    },
    {
      name: "Balancing customer and business needs",
      description: "We say yes and no openly, weighing what the customer gains against what it costs Northwind.",
      behaviours: [
        {
          title: T.decisionLog, actor: "The engineering manager",
          action: "records the customer effect and the cost or revenue effect of each option in the decision log",
          trigger: "When a customer request is declined or deferred", frequency: "within 2 working days of the decision",
          completionCriterion: "The decision log entry lists both effects for each option and links the customer's original request",
          customerOutcome: "Customers get decisions that are explained and can be revisited when the numbers change.",
          example: "DL-77: SSO for the Basic plan deferred; customer effect: 12 accounts keep manual logins; cost: 3 sprints of Activation.",
          anchors: [TRADE_OFF, OUTCOME], ownerKey: "kofi", status: "ACTIVE", baseRate: 0.48, trend: 0.08, dailyOpportunities: 1.4,
        },
        {
          title: T.alternative, actor: "The account lead",
          action: "writes to the customer with the reason the request was declined and one alternative they can use today",
          trigger: "When a customer feature request is declined", frequency: "within 3 working days of the decision",
          completionCriterion: "The CRM shows a sent message with a 'Why' paragraph and a named alternative",
          customerOutcome: "A 'no' still leaves the customer with a way forward.",
          example: "\"We are not building a custom PDF layout this year, because it would delay the tax update; the export template editor covers your case.\"",
          anchors: [TRADE_OFF, WHO_WAITS], ownerKey: "jonas", status: "ACTIVE", baseRate: 0.55, trend: -0.05, dailyOpportunities: 1.0,
        },
      ],
    },
  ],
  barriers: [
    {
      title: "Engineers are on three projects; the escalation queue is owned by nobody",
      description: "Escalated tickets land in a shared queue. Each engineer splits time across three projects, so nobody picks tickets up as owner.",
      evidence: "38% of escalated tickets in August sat unassigned for more than a day; 4 of 6 engineers interviewed named the shared queue.",
      comB: "PHYSICAL_OPPORTUNITY", determinant: "POLICY", feasibility: "DIFFICULT", impact: 5, reach: 4, ease: 2,
      status: "INTERVENTION_PLANNED", behaviourTitles: [T.namedOwner, T.rootCause], teams: [SUPPORT, RELIABILITY],
    },
    {
      title: "Usage numbers need a ticket to the data team",
      description: "Product managers and tech leads cannot query feature usage themselves; each request to the data team takes about five days.",
      evidence: "Sprint review decks for sprints 27-30: 9 of 14 shipped features had no usage number; data-team queue median 5 days.",
      comB: "PHYSICAL_OPPORTUNITY", determinant: "ACCESS", feasibility: "ENABLED", impact: 4, reach: 3, ease: 4,
      status: "IN_PROGRESS", behaviourTitles: [T.demoUsage, T.releaseMetric], teams: [ACTIVATION, REPORTING],
    },
    {
      title: "Refinement ranks by effort because senior engineers do",
      description: "In refinement the senior engineers sort by estimate; new product owners copy them and leave the impact fields empty.",
      evidence: "Observation of six refinement sessions: impact fields were raised in two; both were led by the same product owner.",
      comB: "SOCIAL_OPPORTUNITY", determinant: "SOCIAL_NORMS", feasibility: "ENABLED", impact: 3, reach: 4, ease: 3,
      status: "IDENTIFIED", behaviourTitles: [T.impactFields], teams: [BILLING, RELIABILITY],
    },
    {
      title: "Restating the problem sounded scripted to new support engineers",
      description: "New support engineers were unsure how to restate a problem without sounding robotic, so they skipped it.",
      evidence: "Onboarding survey: 5 of 7 new hires rated their confidence at 2/5 or lower. A phrase library and two role-plays raised it to 4/5.",
      comB: "PSYCHOLOGICAL_CAPABILITY", determinant: "SELF_EFFICACY", feasibility: "ENABLED", impact: 3, reach: 3, ease: 5,
      status: "REMOVED", behaviourTitles: [T.restate], teams: [SUPPORT],
    },
    {
      title: "Nothing prompts the Monday email in release weeks",
      description: "There is no reminder or template; in release weeks the Monday status email slips behind release checklists.",
      evidence: "CRM export: 91% of Monday emails sent in normal weeks, 52% in the eight release weeks since March.",
      comB: "AUTOMATIC_MOTIVATION", determinant: "CUES_FOR_ACTION", feasibility: "ENABLED", impact: 3, reach: 2, ease: 5,
      status: "IN_PROGRESS", behaviourTitles: [T.mondayEmail], teams: [ACTIVATION],
    },
    {
      title: "Cross-team review delays the merge and the sprint target",
      description: "Reviews from other teams take up to three days, and sprint goals count merged points, so engineers skip the owning team.",
      evidence: "Shared-API pull requests with an owning-team reviewer took a median 2.8 days to merge versus 0.9 days without.",
      comB: "REFLECTIVE_MOTIVATION", determinant: "NEGATIVE_CONSEQUENCES", feasibility: "DIFFICULT", impact: 4, reach: 3, ease: 2,
      status: "ACCEPTED", behaviourTitles: [T.ownerReview, T.handover], teams: [BILLING, REPORTING],
    },
  ],
  metrics: [
    {
      name: "Customer retention", unit: "%", kind: "CUSTOMER_OUTCOME", timing: "LAGGING", direction: "UP", ownerKey: "leader",
      targetType: "AT_LEAST", targetValue: 92, start: 88.5, end: 91.2, noise: 0.6, behaviourTitles: [T.namedOwner, T.mondayEmail, T.alternative],
    },
    {
      name: "Time to resolution experienced by the customer", unit: "hours", kind: "CUSTOMER_OUTCOME", timing: "LAGGING", direction: "DOWN",
      ownerKey: "manager", targetType: "DECREASE_TO", targetValue: 24, start: 41, end: 29, noise: 3, behaviourTitles: [T.rootCause, T.namedOwner, T.confirmFix, T.handover],
    },
    {
      name: "Feature adoption", unit: "%", kind: "CUSTOMER_OUTCOME", timing: "LEADING", direction: "UP", ownerKey: "sofia",
      targetType: "INCREASE_TO", targetValue: 45, start: 31, end: 39, noise: 1.5, behaviourTitles: [T.storyGoal, T.demoUsage, T.releaseMetric],
    },
    {
      name: "Usability score (SUS)", unit: "points", kind: "CUSTOMER_OUTCOME", timing: "LAGGING", direction: "UP", ownerKey: "manager",
      targetType: "AT_LEAST", targetValue: 75, start: 68, end: 72.5, noise: 1.2, behaviourTitles: [T.storyGoal, T.restate],
    },
    {
      name: "On-time delivery", unit: "%", kind: "INTERNAL_PROCESS", timing: "LAGGING", direction: "UP", ownerKey: "kofi",
      targetType: "AT_LEAST", targetValue: 85, start: 78, end: 83, noise: 2.5, behaviourTitles: [T.ownerReview, T.impactFields],
    },
    {
      name: "Velocity", unit: "points", kind: "INTERNAL_PROCESS", timing: "LEADING", direction: "UP",
      start: 42, end: 45, noise: 3, behaviourTitles: [T.impactFields, T.decisionLog],
    },
  ],
  teamAdoptionOffset: { [ACTIVATION]: 0.06, [SUPPORT]: 0.1, [BILLING]: -0.04, [RELIABILITY]: 0.02, [REPORTING]: -0.12 },
};

export const SECOND_ORG: DemoOrganization = {
  name: "Fabrikam Health",
  slug: "fabrikam",
  users: [
    { key: "admin", name: "Farah Haddad", email: "admin@fabrikam.example", role: "ADMIN", teams: ["Discharge Solutions"] },
    { key: "member", name: "Noah Brandt", email: "member@fabrikam.example", role: "MEMBER", teams: ["Discharge Solutions"] },
  ],
  teams: [
    { name: "Clinical Products", kind: "VALUE_STREAM" },
    { name: "Discharge Solutions", kind: "TEAM", parent: "Clinical Products" },
  ],
  values: [
    {
      name: "Ownership of customer outcomes",
      description: "Each clinic has one named person who sees its first weeks on Fabrikam through.",
      behaviours: [
        {
          title: "Fabrikam discharge summary call within 48 h", actor: "The implementation consultant",
          action: "calls the clinic's ward lead, walks through the first discharge summary report and logs the call in the CRM",
          trigger: "When a clinic's first discharge summary is generated in Fabrikam", frequency: "within 48 hours",
          completionCriterion: "The CRM shows a logged call with the ward lead's name and at least one open question, or 'none'",
          customerOutcome: "Clinics use discharge summaries correctly from the first week, so patients leave with complete instructions.",
          example: "Noah called the ward lead at St. Aldric's Clinic the day after go-live; they fixed a missing medication section together.",
          anchors: [OUTCOME, WHO_WAITS], ownerKey: "member", status: "ACTIVE", baseRate: 0.55, trend: 0.1, dailyOpportunities: 1.0,
        },
      ],
    },
  ],
  barriers: [
    {
      title: "Ward leads work shifts and miss daytime calls",
      description: "Ward leads are on rotating shifts, so calls booked in office hours go to voicemail.",
      evidence: "Call log for Q3: 11 of 25 first calls went to voicemail; 7 needed three or more attempts.",
      comB: "PHYSICAL_OPPORTUNITY", determinant: "ACCESS", feasibility: "DIFFICULT", impact: 4, reach: 3, ease: 3,
      status: "IDENTIFIED", behaviourTitles: ["Fabrikam discharge summary call within 48 h"], teams: ["Discharge Solutions"],
    },
  ],
  metrics: [
    {
      name: "Clinics using discharge summaries weekly", unit: "%", kind: "CUSTOMER_OUTCOME", timing: "LAGGING", direction: "UP", ownerKey: "admin",
      targetType: "AT_LEAST", targetValue: 80, start: 62, end: 71, noise: 2, behaviourTitles: ["Fabrikam discharge summary call within 48 h"],
    },
  ],
  teamAdoptionOffset: { "Discharge Solutions": 0.03 },
};

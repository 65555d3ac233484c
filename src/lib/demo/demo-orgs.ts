// Demo content: "Northwind Software", a software supplier, and a small second organisation.
// Every behaviour is written to pass the video test: a named actor, a filmable action on a concrete
// artefact, a concrete trigger, a measurable deadline and a completion criterion anyone can check.
// baseRate/trend/dailyOpportunities drive the seeded six months of observations (prisma/seed.ts).
import { NORTHWIND_TEAMMATES } from "./demo-people";

export type DemoRole = "ADMIN" | "LEADER" | "MANAGER" | "MEMBER";
export type ComB =
  | "PHYSICAL_CAPABILITY"
  | "PSYCHOLOGICAL_CAPABILITY"
  | "PHYSICAL_OPPORTUNITY"
  | "SOCIAL_OPPORTUNITY"
  | "REFLECTIVE_MOTIVATION"
  | "AUTOMATIC_MOTIVATION";
export type Determinant =
  | "SELF_EFFICACY"
  | "SOCIAL_NORMS"
  | "POSITIVE_CONSEQUENCES"
  | "NEGATIVE_CONSEQUENCES"
  | "ACCESS"
  | "CUES_FOR_ACTION"
  | "SUSCEPTIBILITY"
  | "SEVERITY"
  | "ACTION_EFFICACY"
  | "DIVINE_WILL"
  | "POLICY"
  | "CULTURE";
type Score = 1 | 2 | 3 | 4 | 5;

export interface DemoUser {
  key: string;
  name: string;
  email: string;
  role: DemoRole;
  teams: string[];
}
export interface DemoTeam {
  name: string;
  kind: "VALUE_STREAM" | "TEAM";
  parent?: string;
}
export interface DemoBehaviour {
  title: string;
  actor: string;
  action: string;
  trigger: string;
  frequency: string;
  completionCriterion: string;
  customerOutcome: string;
  example: string;
  anchors: string[];
  ownerKey: string;
  status: "ACTIVE" | "IN_REVIEW" | "DRAFT";
  baseRate: number;
  trend: number;
  dailyOpportunities: number;
}
export interface DemoValue {
  name: string;
  description: string;
  behaviours: DemoBehaviour[];
}
export interface DemoBarrier {
  title: string;
  description: string;
  evidence: string;
  comB: ComB;
  determinant: Determinant;
  feasibility: "ENABLED" | "DIFFICULT" | "IMPOSSIBLE";
  impact: Score;
  reach: Score;
  ease: Score;
  status: "IDENTIFIED" | "INTERVENTION_PLANNED" | "IN_PROGRESS" | "REMOVED" | "ACCEPTED";
  behaviourTitles: string[];
  teams: string[];
  intervention?: DemoIntervention;
}
/** An intervention against a barrier; `effect` lifts the seeded adoption in its teams from its start. */
export interface DemoIntervention {
  fn:
    | "EDUCATION"
    | "PERSUASION"
    | "INCENTIVISATION"
    | "COERCION"
    | "TRAINING"
    | "RESTRICTION"
    | "ENVIRONMENTAL_RESTRUCTURING"
    | "MODELLING"
    | "ENABLEMENT";
  title: string;
  description: string;
  ownerKey: string;
  teams: string[];
  startDaysAgo: number;
  effect: number;
  /** APEASE scores in order: affordability, practicability, effectiveness, acceptability, side-effects, equity. */
  apease: [Score, Score, Score, Score, Score, Score];
}
export interface DemoMetric {
  name: string;
  unit: string;
  kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS";
  timing: "LEADING" | "LAGGING";
  direction: "UP" | "DOWN";
  ownerKey?: string;
  targetType?: "AT_LEAST" | "AT_MOST" | "INCREASE_TO" | "DECREASE_TO";
  targetValue?: number;
  start: number;
  end: number;
  noise: number;
  behaviourTitles: string[];
  /** When it started being tracked: the metrics audit shows the mix changing over the year. */
  createdMonthsAgo: number;
}
export interface DemoOrganization {
  name: string;
  slug: string;
  users: DemoUser[];
  teams: DemoTeam[];
  values: DemoValue[];
  barriers: DemoBarrier[];
  metrics: DemoMetric[];
  teamAdoptionOffset: Record<string, number>;
  /** Seeds the rituals, feedback and recognitions of demo-rituals.ts and demo-feedback.ts. */
  embedding?: true;
}

export const DEMO_PASSWORD = "conduct-demo-2026";

const ASK_OUTCOME = "How does this improve the customer's outcome?";

export const NORTHWIND: DemoOrganization = {
  name: "Northwind Software",
  slug: "northwind",
  embedding: true,
  users: [
    { key: "admin", name: "Ada Okafor", email: "admin@northwind.example", role: "ADMIN", teams: [] },
    { key: "leader", name: "Lena Fischer", email: "leader@northwind.example", role: "LEADER", teams: [] },
    {
      key: "manager",
      name: "Marcus Reid",
      email: "manager@northwind.example",
      role: "MANAGER",
      teams: ["Onboarding Squad", "Support Engineering"],
    },
    {
      key: "member",
      name: "Mia Santos",
      email: "member@northwind.example",
      role: "MEMBER",
      teams: ["Support Engineering"],
    },
    {
      key: "priya",
      name: "Priya Natarajan",
      email: "priya@northwind.example",
      role: "MANAGER",
      teams: ["Payments", "Platform Reliability"],
    },
    { key: "tom", name: "Tom Becker", email: "tom@northwind.example", role: "MEMBER", teams: ["Onboarding Squad"] },
    { key: "yuki", name: "Yuki Tanaka", email: "yuki@northwind.example", role: "MEMBER", teams: ["Payments"] },
    {
      key: "sam",
      name: "Sam Oduya",
      email: "sam@northwind.example",
      role: "MEMBER",
      teams: ["Platform Reliability", "Reporting"],
    },
    { key: "elif", name: "Elif Demir", email: "elif@northwind.example", role: "MEMBER", teams: ["Reporting"] },
    ...NORTHWIND_TEAMMATES,
  ],
  teams: [
    { name: "Customer Onboarding", kind: "VALUE_STREAM" },
    { name: "Core Platform", kind: "VALUE_STREAM" },
    { name: "Onboarding Squad", kind: "TEAM", parent: "Customer Onboarding" },
    { name: "Support Engineering", kind: "TEAM", parent: "Customer Onboarding" },
    { name: "Payments", kind: "TEAM", parent: "Core Platform" },
    { name: "Platform Reliability", kind: "TEAM", parent: "Core Platform" },
    { name: "Reporting", kind: "TEAM", parent: "Core Platform" },
  ],
  teamAdoptionOffset: {
    "Onboarding Squad": 0.08,
    "Support Engineering": 0.04,
    Payments: -0.06,
    "Platform Reliability": 0.1,
    Reporting: -0.13,
  },
  values: [
    {
      name: "Deep understanding of customer needs",
      description: "We learn what customers are trying to get done from customers themselves, not from assumptions.",
      behaviours: [
        {
          title: "Customer call notes before discovery sign-off",
          actor: "The product manager",
          action: "attaches notes from at least two customer calls to the feature brief",
          trigger: "Before a feature brief is marked ready for discovery sign-off",
          frequency: "every time",
          completionCriterion: "The brief shows two linked call notes, each naming the customer and the date",
          customerOutcome: "Features solve the problems customers actually have",
          example: "The bulk-export brief linked calls with two logistics customers who export nightly.",
          anchors: [ASK_OUTCOME, "Which customer said this, and when?"],
          ownerKey: "leader",
          status: "ACTIVE",
          baseRate: 0.45,
          trend: 0.2,
          dailyOpportunities: 1.8,
        },
        {
          title: "Watch a customer session each sprint",
          actor: "Each engineer on the team",
          action: "watches one recorded customer session and posts one observation in the team channel",
          trigger: "During each two-week sprint",
          frequency: "before the sprint review",
          completionCriterion:
            "A post starting 'Session observation:' with a link to the recording is in the team channel",
          customerOutcome: "Usability problems are found before customers report them",
          example: "Tom posted that users missed the Save button below the fold on small laptops.",
          anchors: ["What surprised you about how the customer worked?"],
          ownerKey: "manager",
          status: "ACTIVE",
          baseRate: 0.35,
          trend: 0.15,
          dailyOpportunities: 2,
        },
      ],
    },
    {
      name: "Prioritisation by customer value",
      description: "The backlog is ordered by the value delivered to customers, and everyone can see why.",
      behaviours: [
        {
          title: "Customer impact line on every backlog item",
          actor: "The product owner",
          action: "writes a 'Customer impact:' line naming the affected customers and the expected change",
          trigger: "Before a backlog item is moved to Ready",
          frequency: "every time",
          completionCriterion:
            "The item's description contains a 'Customer impact:' line with a customer segment and a number",
          customerOutcome: "The most valuable work for customers is done first",
          example: "Customer impact: 40 clinics stop re-keying invoices, saving about 2 hours a week each.",
          anchors: [ASK_OUTCOME, "Who is waiting for this, and how long have they waited?"],
          ownerKey: "leader",
          status: "ACTIVE",
          baseRate: 0.6,
          trend: 0.12,
          dailyOpportunities: 3.5,
        },
      ],
    },
    {
      name: "Empathy and advocacy",
      description: "We speak up for the customer in the rooms they are not in.",
      behaviours: [
        {
          title: "Customer quote opens the planning meeting",
          actor: "The meeting facilitator",
          action: "reads one verbatim customer quote aloud and shows its source on screen",
          trigger: "At every sprint planning meeting",
          frequency: "within its first five minutes",
          completionCriterion: "The planning notes begin with the quote, the customer's segment and the source link",
          customerOutcome: "Decisions are made with the customer's words in the room",
          example: '"I export to Excel because your report hides the totals" — finance lead, retail customer.',
          anchors: ["Would the customer agree with what we decided?"],
          ownerKey: "manager",
          status: "ACTIVE",
          baseRate: 0.55,
          trend: 0.1,
          dailyOpportunities: 0.6,
        },
        {
          title: "Escalation of a customer blocker within one working day",
          actor: "The account lead",
          action: "opens an escalation ticket with the customer's words and tags the owning team lead",
          trigger: "When a customer says a problem stops them from doing their work",
          frequency: "within one working day",
          completionCriterion: "An escalation ticket exists with a customer quote and a named team lead as assignee",
          customerOutcome: "Blocked customers get a named owner fast",
          example: "The account lead escalated a clinic that could not print prescriptions after the update.",
          anchors: [ASK_OUTCOME],
          ownerKey: "admin",
          status: "IN_REVIEW",
          baseRate: 0.5,
          trend: 0.05,
          dailyOpportunities: 0.5,
        },
      ],
    },
    {
      name: "Collaboration across teams",
      description: "Customers experience one product, so teams hand work over as one team.",
      behaviours: [
        {
          title: "Joint review of cross-team changes",
          actor: "The engineer opening the pull request",
          action: "adds a reviewer from every other team whose component the change touches",
          trigger: "When a pull request changes code owned by another team",
          frequency: "before the pull request is merged",
          completionCriterion: "The merged pull request shows an approval from each affected team",
          customerOutcome: "Fewer regressions reach customers at team boundaries",
          example: "A Payments change to the invoice API was approved by Reporting before merge.",
          anchors: ["Who else will this change surprise?"],
          ownerKey: "priya",
          status: "ACTIVE",
          baseRate: 0.65,
          trend: 0.08,
          dailyOpportunities: 3.5,
        },
      ],
    },
    {
      name: "Feedback loops and iteration",
      description: "We ship in small steps and check each step with customers.",
      behaviours: [
        {
          title: "Follow-up with the requesting customer after release",
          actor: "The product manager",
          action: "sends the requesting customer a note with what shipped and one question about it",
          trigger: "When a feature a customer requested is released",
          frequency: "within three working days of the release",
          completionCriterion: "The CRM shows an e-mail to the customer contact, linked to the release",
          customerOutcome: "Customers see their feedback acted on and tell us what to fix next",
          example:
            "After shipping saved filters, the PM asked the requester whether the default filter is the right one.",
          anchors: ["What would we change if the customer answered no?"],
          ownerKey: "leader",
          status: "ACTIVE",
          baseRate: 0.4,
          trend: 0.22,
          dailyOpportunities: 1.2,
        },
        {
          title: "Customer result shown at sprint review",
          actor: "The team",
          action: "shows one customer-facing result with a usage number or customer quote",
          trigger: "At every sprint review",
          frequency: "every time",
          completionCriterion: "The review slides contain a slide with a usage figure or a quote for a shipped item",
          customerOutcome: "The team learns whether shipped work helped customers",
          example: "Reporting showed that 62% of active accounts used the new export within a week.",
          anchors: [ASK_OUTCOME],
          ownerKey: "manager",
          status: "ACTIVE",
          baseRate: 0.5,
          trend: 0.15,
          dailyOpportunities: 0.6,
        },
      ],
    },
    {
      name: "Proactive problem-solving",
      description: "We find and fix problems before customers have to tell us.",
      behaviours: [
        {
          title: "Root cause on the ticket within 24 h",
          actor: "The on-call engineer",
          action: "posts the root cause and next step on the customer's ticket",
          trigger: "When a customer reports a defect",
          frequency: "within 24 hours",
          completionCriterion: "A comment headed 'Root cause' with a named next step is visible on the ticket",
          customerOutcome: "Customers know what went wrong and when it will be fixed",
          example:
            "Root cause: a timezone bug in the nightly job. Next step: fix ships Thursday; we re-run your export today.",
          anchors: [ASK_OUTCOME, "What would the customer need to hear from us right now?"],
          ownerKey: "priya",
          status: "ACTIVE",
          baseRate: 0.55,
          trend: 0.18,
          dailyOpportunities: 4,
        },
        {
          title: "Customer notice before a known incident reaches them",
          actor: "The incident commander",
          action: "posts a status-page notice naming the affected feature and the next update time",
          trigger: "When monitoring shows an incident that affects customers",
          frequency: "within 30 minutes of the alert",
          completionCriterion: "The status page shows a notice time-stamped within 30 minutes of the alert",
          customerOutcome: "Customers hear about outages from us first",
          example: "Notice at 09:12: invoice PDFs delayed; next update at 10:00.",
          anchors: ["Who is affected right now, and what do they see?"],
          ownerKey: "priya",
          status: "ACTIVE",
          baseRate: 0.7,
          trend: 0.05,
          dailyOpportunities: 0.4,
        },
      ],
    },
    {
      name: "Clear communication and transparency",
      description: "Customers and colleagues can see what we decided and why.",
      behaviours: [
        {
          title: "Release notes in customer language",
          actor: "The engineer who merges a customer-visible change",
          action: "writes a one-line release note that names the customer benefit without internal jargon",
          trigger: "When merging a change customers will see",
          frequency: "in the same pull request",
          completionCriterion: "The pull request includes a 'Release note:' line with no ticket numbers or code names",
          customerOutcome: "Customers can tell what changed for them",
          example: "Release note: You can now download all invoices for a month in one file.",
          anchors: ["Would a customer understand this sentence without us?"],
          ownerKey: "manager",
          status: "ACTIVE",
          baseRate: 0.6,
          trend: 0.1,
          dailyOpportunities: 3.5,
        },
      ],
    },
    {
      name: "Ownership of customer outcomes",
      description: "Every customer problem has one named owner until it is solved for the customer.",
      behaviours: [
        {
          title: "Named owner on every customer ticket within 4 h",
          actor: "The support triage lead",
          action: "assigns each new customer ticket to one named person",
          trigger: "When a customer ticket arrives",
          frequency: "within 4 working hours",
          completionCriterion: "The ticket shows a named assignee and the assignment time is within 4 working hours",
          customerOutcome: "No customer request waits without an owner",
          example: "A ticket about failed card payments was assigned to Yuki at 10:40, 50 minutes after it arrived.",
          anchors: ["Who will tell the customer it is solved?"],
          ownerKey: "manager",
          status: "ACTIVE",
          baseRate: 0.7,
          trend: 0.1,
          dailyOpportunities: 4,
        },
        {
          title: "Customer confirmation before closing a ticket",
          actor: "The ticket owner",
          action: "asks the customer to confirm the fix and records the reply on the ticket",
          trigger: "Before closing a customer ticket",
          frequency: "every time",
          completionCriterion: "The ticket has a customer reply confirming the fix, or two follow-ups three days apart",
          customerOutcome: "Tickets close when the customer's problem is gone, not when our work is done",
          example: "Closed after the clinic replied that prescriptions print again.",
          anchors: [ASK_OUTCOME],
          ownerKey: "member",
          status: "ACTIVE",
          baseRate: 0.5,
          trend: 0.12,
          dailyOpportunities: 3.2,
        },
      ],
    },
    {
      name: "Measuring success by customer outcomes",
      description: "We judge work by what changed for customers, not by output.",
      behaviours: [
        {
          title: "Outcome metric named in every epic",
          actor: "The product owner",
          action: "adds the customer outcome metric and its target to the epic",
          trigger: "When an epic is created",
          frequency: "before the epic's first story starts",
          completionCriterion: "The epic shows a metric from the outcome list with a baseline and a target value",
          customerOutcome: "The team can tell whether an epic helped customers",
          example: "Epic 'Faster onboarding': time to first invoice, baseline 9 days, target 4 days.",
          anchors: ["How will we know customers are better off?"],
          ownerKey: "leader",
          status: "ACTIVE",
          baseRate: 0.5,
          trend: 0.2,
          dailyOpportunities: 0.7,
        },
      ],
    },
    {
      name: "Balancing customer and business needs",
      description: "We make trade-offs between customer and business openly, with both sides written down.",
      behaviours: [
        {
          title: "Trade-off note on pricing and scope decisions",
          actor: "The decision owner",
          action: "records the customer effect and the business effect of the decision in the decision log",
          trigger: "When a pricing, packaging or scope-cut decision is made",
          frequency: "within two working days of the decision",
          completionCriterion: "The decision log entry has both a 'Customer effect' and a 'Business effect' section",
          customerOutcome: "Customers are not surprised by decisions that affect them",
          example:
            "Dropping the legacy export: customer effect 12 accounts need migration help; business effect saves 3 days a sprint.",
          anchors: [ASK_OUTCOME, "What would we tell the customer about this trade-off?"],
          ownerKey: "admin",
          status: "DRAFT",
          baseRate: 0.4,
          trend: 0.1,
          dailyOpportunities: 0.4,
        },
        {
          title: "Customer effect reviewed before a price change",
          actor: "The commercial lead",
          action: "presents the list of affected customers and their change in cost at the pricing review",
          trigger: "Before any price change is approved",
          frequency: "at the pricing review meeting",
          completionCriterion:
            "The pricing review minutes include the affected-customer list and the cost change per segment",
          customerOutcome: "Price changes are fair and explained to the customers they affect",
          example: "The review showed 30 small clinics would pay 12% more; a transition discount was agreed.",
          anchors: ["Which customers lose, and what do we offer them?"],
          ownerKey: "admin",
          status: "ACTIVE",
          baseRate: 0.65,
          trend: 0.05,
          dailyOpportunities: 0.3,
        },
      ],
    },
  ],
  barriers: [
    {
      title: "Nobody owns the ticket queue",
      description:
        "Engineers are on three projects; the ticket queue is owned by nobody, so defects wait until a customer chases.",
      evidence: '"I assumed someone in Payments had it." — on-call engineer, retro notes',
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      feasibility: "DIFFICULT",
      impact: 5,
      reach: 4,
      ease: 3,
      status: "INTERVENTION_PLANNED",
      behaviourTitles: ["Root cause on the ticket within 24 h", "Named owner on every customer ticket within 4 h"],
      teams: ["Payments", "Support Engineering"],
      intervention: {
        fn: "ENVIRONMENTAL_RESTRUCTURING",
        title: "Queue owner rota on the team board",
        ownerKey: "priya",
        teams: ["Payments"],
        startDaysAgo: -14,
        effect: 0,
        description:
          "Each week one engineer per team owns the customer ticket queue; their name is on the board and in the ticket tool's header.",
        apease: [5, 4, 4, 4, 4, 4],
      },
    },
    {
      title: "No reminder at the moment of closing",
      description: "The ticket tool lets people close a ticket without any prompt to ask the customer.",
      evidence: "41% of closed tickets in March had no customer reply.",
      comB: "AUTOMATIC_MOTIVATION",
      determinant: "CUES_FOR_ACTION",
      feasibility: "ENABLED",
      impact: 4,
      reach: 4,
      ease: 5,
      status: "IN_PROGRESS",
      behaviourTitles: ["Customer confirmation before closing a ticket"],
      teams: ["Support Engineering"],
      intervention: {
        fn: "ENVIRONMENTAL_RESTRUCTURING",
        title: "Close dialog asks whether the customer confirmed",
        ownerKey: "manager",
        teams: ["Support Engineering"],
        startDaysAgo: 42,
        effect: 0.12,
        description:
          "Closing a ticket now shows “Has the customer confirmed the fix?” with a link to record their reply.",
        apease: [5, 5, 4, 4, 5, 5],
      },
    },
    {
      title: "Unsure how to find customers to call",
      description: "Product managers do not know which customers agreed to research calls, or how to book them.",
      evidence: "Three of five PMs said they have never booked a customer call themselves.",
      comB: "PSYCHOLOGICAL_CAPABILITY",
      determinant: "SELF_EFFICACY",
      feasibility: "DIFFICULT",
      impact: 4,
      reach: 3,
      ease: 4,
      status: "IDENTIFIED",
      behaviourTitles: ["Customer call notes before discovery sign-off"],
      teams: ["Onboarding Squad", "Reporting"],
    },
    {
      title: "Release notes are seen as marketing's job",
      description:
        "Engineers believe customer wording is someone else's responsibility and fear being judged on writing.",
      evidence: "Survey: 58% of engineers agree 'writing for customers is not my job'.",
      comB: "REFLECTIVE_MOTIVATION",
      determinant: "SOCIAL_NORMS",
      feasibility: "ENABLED",
      impact: 3,
      reach: 5,
      ease: 3,
      status: "IDENTIFIED",
      behaviourTitles: ["Release notes in customer language"],
      teams: ["Payments", "Platform Reliability", "Reporting"],
    },
    {
      title: "Session recordings need a licence",
      description:
        "Only four people have a licence for the session-recording tool, so most engineers cannot watch sessions.",
      evidence: "Licence report: 4 seats for 31 engineers.",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      feasibility: "IMPOSSIBLE",
      impact: 5,
      reach: 5,
      ease: 2,
      status: "IDENTIFIED",
      behaviourTitles: ["Watch a customer session each sprint"],
      teams: ["Onboarding Squad", "Payments", "Reporting"],
    },
    {
      title: "Reviews from other teams take days",
      description: "Cross-team reviewers answer slowly, so engineers merge without them to meet the sprint.",
      evidence: "Median wait for a cross-team review: 2.6 days.",
      comB: "SOCIAL_OPPORTUNITY",
      determinant: "NEGATIVE_CONSEQUENCES",
      feasibility: "DIFFICULT",
      impact: 3,
      reach: 3,
      ease: 3,
      status: "REMOVED",
      behaviourTitles: ["Joint review of cross-team changes"],
      teams: ["Payments", "Reporting"],
      intervention: {
        fn: "RESTRICTION",
        title: "One-working-day review agreement",
        ownerKey: "priya",
        teams: ["Payments", "Reporting"],
        startDaysAgo: 70,
        effect: 0.15,
        description:
          "Teams agreed to answer cross-team review requests within one working day; the merge check waits for them.",
        apease: [5, 4, 4, 3, 4, 5],
      },
    },
  ],
  metrics: [
    {
      name: "Customer retention",
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "UP",
      ownerKey: "leader",
      targetType: "AT_LEAST",
      targetValue: 94,
      start: 91.5,
      end: 93.4,
      noise: 0.4,
      behaviourTitles: [
        "Customer confirmation before closing a ticket",
        "Follow-up with the requesting customer after release",
      ],
      createdMonthsAgo: 8,
    },
    {
      name: "Time to resolution experienced by the customer",
      unit: "hours",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "DOWN",
      ownerKey: "manager",
      targetType: "DECREASE_TO",
      targetValue: 24,
      start: 46,
      end: 31,
      noise: 3,
      behaviourTitles: ["Root cause on the ticket within 24 h", "Named owner on every customer ticket within 4 h"],
      createdMonthsAgo: 6,
    },
    {
      name: "Feature adoption within 30 days",
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LEADING",
      direction: "UP",
      ownerKey: "leader",
      targetType: "INCREASE_TO",
      targetValue: 60,
      start: 38,
      end: 51,
      noise: 3,
      behaviourTitles: ["Customer call notes before discovery sign-off", "Customer result shown at sprint review"],
      createdMonthsAgo: 4,
    },
    {
      name: "Usability score (SUS)",
      unit: "points",
      kind: "CUSTOMER_OUTCOME",
      timing: "LEADING",
      direction: "UP",
      targetType: "AT_LEAST",
      targetValue: 75,
      start: 66,
      end: 71,
      noise: 1.5,
      behaviourTitles: ["Watch a customer session each sprint"],
      createdMonthsAgo: 2,
    },
    {
      name: "On-time delivery",
      unit: "%",
      kind: "INTERNAL_PROCESS",
      timing: "LAGGING",
      direction: "UP",
      ownerKey: "priya",
      targetType: "AT_LEAST",
      targetValue: 85,
      start: 78,
      end: 82,
      noise: 4,
      behaviourTitles: [],
      createdMonthsAgo: 11,
    },
    {
      name: "Velocity",
      unit: "points",
      kind: "INTERNAL_PROCESS",
      timing: "LEADING",
      direction: "UP",
      start: 42,
      end: 45,
      noise: 4,
      behaviourTitles: [],
      createdMonthsAgo: 11,
    },
  ],
};

export const SECOND_ORG: DemoOrganization = {
  name: "Fabrikam Health",
  slug: "fabrikam",
  users: [
    { key: "admin", name: "Farah Haddad", email: "admin@fabrikam.example", role: "ADMIN", teams: ["Discharge Team"] },
    {
      key: "member",
      name: "Felix Moreau",
      email: "member@fabrikam.example",
      role: "MEMBER",
      teams: ["Discharge Team"],
    },
  ],
  teams: [
    { name: "Patient Journey", kind: "VALUE_STREAM" },
    { name: "Discharge Team", kind: "TEAM", parent: "Patient Journey" },
  ],
  teamAdoptionOffset: { "Discharge Team": 0 },
  values: [
    {
      name: "Fabrikam patients first",
      description: "Patients leave knowing what happens next.",
      behaviours: [
        {
          title: "Fabrikam discharge summary call within 48 h",
          actor: "The discharge nurse",
          action: "calls the patient and reads back the discharge summary",
          trigger: "After a patient is discharged",
          frequency: "within 48 hours",
          completionCriterion: "The patient record shows a call entry with the time and the summary read back",
          customerOutcome: "Patients follow their care plan after leaving",
          example: "Nurse called Mr Jansen on day 2 and confirmed his medication times.",
          anchors: ["What does the patient need to know tonight?"],
          ownerKey: "admin",
          status: "ACTIVE",
          baseRate: 0.6,
          trend: 0.1,
          dailyOpportunities: 1,
        },
      ],
    },
  ],
  barriers: [
    {
      title: "Fabrikam call list printed too late",
      description: "The discharge list reaches nurses after the morning calls slot.",
      evidence: "List printed at 11:30; calls slot ends 11:00.",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "POLICY",
      feasibility: "DIFFICULT",
      impact: 4,
      reach: 3,
      ease: 4,
      status: "IDENTIFIED",
      behaviourTitles: ["Fabrikam discharge summary call within 48 h"],
      teams: ["Discharge Team"],
    },
  ],
  metrics: [
    {
      name: "Fabrikam readmission rate",
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "DOWN",
      ownerKey: "admin",
      targetType: "AT_MOST",
      targetValue: 8,
      start: 11,
      end: 9.5,
      noise: 0.5,
      behaviourTitles: ["Fabrikam discharge summary call within 48 h"],
      createdMonthsAgo: 5,
    },
  ],
};

// Northwind's rituals with their past meetings, and its recognitions (issue 16; seeded by
// prisma/seed-embedding.ts). Written as the people of the demo would have written it.
import type { Cadence, RitualKind } from "@/lib/domain/rituals";
import { CALLS, CONFIRM, FOLLOW, NOTES, NOTICE, OWNER, PRICE, QUEUE, REMINDER, RESOLUTION, ROOT } from "./demo-names";

interface DemoAction {
  title: string;
  owner: string;
  dueInDays: number;
  status: "OPEN" | "DONE" | "DROPPED";
  closedAfterDays?: number;
  dropReason?: string;
  behaviour?: string;
  barrier?: string;
  intervention?: string;
  metric?: string;
}

interface DemoDecision {
  title: string;
  detail: string;
  behaviour?: string;
  /** One answer per anchor question, in order (the last repeats if there are more questions). */
  answers: string[];
}

interface DemoMeeting {
  /** Notes per agenda section (PROMPT items as "PROMPT:<title>"). */
  notes: Record<string, string>;
  decisions?: DemoDecision[];
  actions?: DemoAction[];
}

export interface DemoRitual {
  kind: RitualKind;
  title: string;
  team?: string;
  cadence: Cadence;
  weekday: number;
  weekOfMonth?: number;
  startTime: string;
  startedDaysAgo: number;
  facilitator: string;
  participants: string[];
  /** The last meetings held, oldest first. */
  meetings: DemoMeeting[];
}

export const DEMO_RITUALS: DemoRitual[] = [
  {
    kind: "RETROSPECTIVE",
    title: "Support Engineering retrospective",
    team: "Support Engineering",
    cadence: "FORTNIGHTLY",
    weekday: 5,
    startTime: "15:00",
    startedDaysAgo: 90,
    facilitator: "manager",
    participants: ["member"],
    meetings: [
      {
        notes: {
          "PROMPT:Positive impact": "The root-cause notes: two customers forwarded them to their own IT teams.",
          "PROMPT:Missed opportunity": "Tickets closed without asking the customer; three reopened in a week.",
        },
        actions: [
          {
            title: "Add a confirmation question to the close dialog",
            owner: "manager",
            dueInDays: 7,
            status: "DONE",
            closedAfterDays: 6,
            barrier: REMINDER,
            intervention: "Close dialog asks whether the customer confirmed",
          },
        ],
      },
      {
        notes: {
          ADOPTION_CHANGES: "Confirmation before closing is up since the dialog went live.",
          TOP_BARRIERS: "Still no reminder on the mobile app's close button.",
          "PROMPT:Positive impact": "A healthcare clinic thanked us for checking before closing.",
        },
        decisions: [
          {
            title: "No ticket is closed on 'cannot reproduce' without a call to the customer",
            detail: "Agreed by the whole team; starts Monday.",
            behaviour: CONFIRM,
            answers: [
              "Customers stop finding their problem back after we said it was fixed.",
              "Each such ticket takes about 15 more minutes; we accept it, the customer waits less in the end.",
              "The customer who reported it, on the follow-up call.",
            ],
          },
        ],
        actions: [
          {
            title: "Ask the mobile team to show the confirmation prompt too",
            owner: "member",
            dueInDays: 10,
            status: "OPEN",
            barrier: REMINDER,
            behaviour: CONFIRM,
          },
          {
            title: "Share three customer replies at the portfolio standup",
            owner: "member",
            dueInDays: 5,
            status: "DROPPED",
            closedAfterDays: 4,
            dropReason: "The standup moved to a customer story slot that covers it.",
          },
        ],
      },
      {
        notes: {
          "PROMPT:Missed opportunity": "Friday tickets: nobody owns the queue after 4 pm.",
        },
        actions: [
          {
            title: "Propose a Friday-afternoon queue owner",
            owner: "manager",
            dueInDays: 14,
            status: "OPEN",
            barrier: QUEUE,
            behaviour: OWNER,
          },
        ],
      },
    ],
  },
  {
    kind: "PORTFOLIO_STANDUP",
    title: "Portfolio standup",
    cadence: "WEEKLY",
    weekday: 1,
    startTime: "09:30",
    startedDaysAgo: 60,
    facilitator: "leader",
    participants: ["manager", "priya", "admin"],
    meetings: [
      {
        notes: {
          TOP_BARRIERS: "Queue ownership is the blocker in both value streams.",
          "PROMPT:Systemic fix": "A rota, not heroics: Priya drafts one for Payments first.",
        },
        actions: [
          {
            title: "Draft the queue owner rota for Payments",
            owner: "priya",
            dueInDays: 7,
            status: "DONE",
            closedAfterDays: 5,
            barrier: QUEUE,
            intervention: "Queue owner rota on the team board",
          },
        ],
      },
      {
        notes: {
          RECOGNITIONS: "Yuki's ownership of the payment-failure tickets.",
          METRICS_OFF_TRACK: "Time to resolution is still above target in Payments.",
        },
        actions: [
          {
            title: "Report time to resolution per team at the next standup",
            owner: "manager",
            dueInDays: -3,
            status: "OPEN",
            metric: RESOLUTION,
          },
        ],
      },
    ],
  },
  {
    kind: "LEADERSHIP_CHECK_IN",
    title: "Leadership check-in",
    cadence: "FORTNIGHTLY",
    weekday: 2,
    startTime: "10:00",
    startedDaysAgo: 70,
    facilitator: "admin",
    participants: ["leader", "manager", "priya"],
    meetings: [
      {
        notes: { CUSTOMER_STORY: "The price change that arrived without a word: a customer reviewing alternatives." },
        decisions: [
          {
            title: "Every price change is reviewed for its customer effect before it ships",
            detail: "Owner: Lena. The review names the customers affected and how they will hear.",
            behaviour: PRICE,
            answers: [
              "Customers hear about a change before it reaches their invoice.",
              "Price changes ship a week later; we accept the delay.",
              "Our largest logistics customers, on their next invoice.",
            ],
          },
        ],
      },
      {
        notes: { CUSTOMER_STORY: "A manufacturer renewed because we followed up after a release." },
      },
    ],
  },
  {
    kind: "TEAM_CHECK_IN",
    title: "Onboarding customer check-in",
    team: "Onboarding Squad",
    cadence: "WEEKLY",
    weekday: 3,
    startTime: "11:00",
    startedDaysAgo: 30,
    facilitator: "manager",
    participants: ["tom"],
    meetings: [{ notes: { FEEDBACK: "Setup of a second workspace remembers nothing: two interviews said so." } }],
  },
  {
    kind: "FEEDBACK_REVIEW",
    title: "Payments weekly feedback review",
    team: "Payments",
    cadence: "WEEKLY",
    weekday: 4,
    startTime: "16:00",
    startedDaysAgo: 21,
    facilitator: "priya",
    participants: ["yuki"],
    meetings: [
      { notes: { FEEDBACK: "Two customers waited a day for a first reply." } },
      { notes: { "PROMPT:Improvements": "Name the owner in the first reply." } },
    ],
  },
  {
    kind: "CUSTOMER_CLINIC",
    title: "Cross-team customer clinic",
    cadence: "MONTHLY",
    weekday: 4,
    weekOfMonth: 1,
    startTime: "14:00",
    startedDaysAgo: 75,
    facilitator: "priya",
    participants: ["manager", "sam", "elif", "member"],
    meetings: [
      {
        notes: { PAIN_POINTS: "Closing without confirmation came up from three teams." },
        actions: [
          {
            title: "Bring two reopened-ticket customers to the next clinic",
            owner: "member",
            dueInDays: 21,
            status: "DONE",
            closedAfterDays: 20,
          },
        ],
      },
    ],
  },
];

export interface DemoRecognition {
  from: string;
  to?: string;
  team?: string;
  behaviour: string;
  act: string;
  effect: string;
  daysAgo: number;
}

export const DEMO_RECOGNITIONS: DemoRecognition[] = [
  {
    from: "manager",
    to: "member",
    behaviour: CONFIRM,
    daysAgo: 2,
    act: "Mia called the logistics customer to check the nightly export before closing ticket 4821.",
    effect: "The customer found a second failing file while on the call; it was fixed the same day.",
  },
  {
    from: "priya",
    to: "yuki",
    behaviour: OWNER,
    daysAgo: 4,
    act: "Yuki took ownership of five payment-failure tickets within the hour and introduced herself to each customer.",
    effect: "Every customer knew who to talk to; none chased us.",
  },
  {
    from: "leader",
    team: "Platform Reliability",
    behaviour: NOTICE,
    daysAgo: 6,
    act: "The team told every affected customer about the database upgrade two days ahead.",
    effect: "Retail customers moved their stock-take; no till was down at opening.",
  },
  {
    from: "member",
    to: "manager",
    behaviour: ROOT,
    daysAgo: 9,
    act: "Marcus wrote the root cause of the import failure on the ticket in plain words within a day.",
    effect: "The public-sector customer forwarded it to their IT team and stopped asking.",
  },
  {
    from: "elif",
    to: "sam",
    behaviour: NOTES,
    daysAgo: 12,
    act: "Sam rewrote the release notes of the reporting update around what customers would see.",
    effect: "An agency customer said it was the first time they read our notes.",
  },
  {
    from: "tom",
    to: "manager",
    behaviour: FOLLOW,
    daysAgo: 15,
    act: "Marcus called the manufacturer a week after the release to ask whether the report worked.",
    effect: "They renewed and named the follow-up call as the reason.",
  },
  {
    from: "sam",
    to: "elif",
    behaviour: NOTES,
    daysAgo: 19,
    act: "Elif added a 'what changes for you' line to each item of the release notes.",
    effect: "Support had no questions about the release the following week.",
  },
  {
    from: "admin",
    team: "Support Engineering",
    behaviour: CONFIRM,
    daysAgo: 23,
    act: "The team asked every customer to confirm the fix before closing for a whole sprint.",
    effect: "Reopened tickets fell from nine to two.",
  },
  {
    from: "yuki",
    to: "priya",
    behaviour: OWNER,
    daysAgo: 28,
    act: "Priya named the Friday queue owner on the team board and in the ticket tool.",
    effect: "No Friday ticket waited over the weekend.",
  },
  {
    from: "manager",
    to: "tom",
    behaviour: CALLS,
    daysAgo: 34,
    act: "Tom attached notes from two customer calls to the second-workspace brief.",
    effect: "The brief fixed what the customers asked for, not what we assumed.",
  },
  {
    from: "leader",
    to: "priya",
    behaviour: PRICE,
    daysAgo: 40,
    act: "Priya listed the customers affected by the tier change and how each would hear of it.",
    effect: "No customer learned of the change from an invoice.",
  },
  {
    from: "member",
    team: "Payments",
    behaviour: ROOT,
    daysAgo: 47,
    act: "Payments put a root-cause note on every ticket of the outage week within 24 hours.",
    effect: "Customers stopped asking 'will it happen again?'",
  },
];

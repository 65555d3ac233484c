// The method's rituals: the recurring meetings that keep the customer in the room (issue 16). Each
// kind has its purpose, the agenda it starts from and the questions it asks; the schedule
// arithmetic (which days a weekly, fortnightly or monthly ritual meets) lives here too. Pure.
import { addDays, addMonths, daysBetween, lastDayOf, monthOf, weekStart, type IsoDate } from "./dates";

export const RITUAL_KINDS = [
  "PORTFOLIO_STANDUP",
  "LEADERSHIP_CHECK_IN",
  "TEAM_CHECK_IN",
  "FEEDBACK_REVIEW",
  "RETROSPECTIVE",
  "CUSTOMER_CLINIC",
] as const;
export type RitualKind = (typeof RITUAL_KINDS)[number];

export const CADENCES = ["WEEKLY", "FORTNIGHTLY", "MONTHLY", "AD_HOC"] as const;
export type Cadence = (typeof CADENCES)[number];

export const AGENDA_SECTIONS = [
  "CARRIED_ACTIONS",
  "CUSTOMER_STORY",
  "ADOPTION_CHANGES",
  "TOP_BARRIERS",
  "METRICS_OFF_TRACK",
  "OPEN_ACTIONS",
  "RECOGNITIONS",
  "FEEDBACK",
  "PAIN_POINTS",
  "PROMPT",
  "CUSTOM",
] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** Where a ritual is held: the organisation, a value stream or a team. */
export type RitualScope = "ORGANISATION" | "VALUE_STREAM" | "TEAM";

export interface AgendaTemplateItem {
  section: AgendaSection;
  title: string;
  /** The question a PROMPT item asks. */
  prompt?: string;
}

export interface RitualKindSpec {
  label: string;
  /** The method's words for what the meeting is for. */
  purpose: string;
  /** The scope it is usually held at (any scope may be chosen). */
  usualScope: RitualScope;
  agenda: readonly AgendaTemplateItem[];
}

const carried: AgendaTemplateItem = { section: "CARRIED_ACTIONS", title: "Open actions from last time" };
const story: AgendaTemplateItem = { section: "CUSTOMER_STORY", title: "A customer's story" };

export const RITUAL_KIND_SPECS: Readonly<Record<RitualKind, RitualKindSpec>> = {
  PORTFOLIO_STANDUP: {
    label: "Portfolio standup",
    purpose:
      "Across value streams: wins and challenges, the customer impact metrics (adoption, usability), and the blockers to customer satisfaction with their systemic fix.",
    usualScope: "ORGANISATION",
    agenda: [
      carried,
      { section: "RECOGNITIONS", title: "Wins: recognised behaviours" },
      { section: "ADOPTION_CHANGES", title: "Wins and challenges: adoption that moved" },
      { section: "METRICS_OFF_TRACK", title: "Customer impact metrics off track" },
      { section: "TOP_BARRIERS", title: "Blockers to customer satisfaction" },
      {
        section: "PROMPT",
        title: "Systemic fix",
        prompt: "Which blocker needs a systemic fix rather than a local workaround, and who owns it?",
      },
    ],
  },
  LEADERSHIP_CHECK_IN: {
    label: "Leadership check-in",
    purpose:
      "Opens with a customer story, a real example of the product helping or hurting a customer, then the customer metrics against their targets.",
    usualScope: "ORGANISATION",
    agenda: [
      story,
      carried,
      { section: "METRICS_OFF_TRACK", title: "Customer metrics against targets" },
      { section: "ADOPTION_CHANGES", title: "Behaviours that moved" },
      { section: "RECOGNITIONS", title: "Wins: recognised behaviours" },
      { section: "TOP_BARRIERS", title: "Barriers waiting for a decision" },
    ],
  },
  TEAM_CHECK_IN: {
    label: "Team customer check-in",
    purpose: "The current impact of the team's work on customer outcomes.",
    usualScope: "TEAM",
    agenda: [
      carried,
      story,
      { section: "ADOPTION_CHANGES", title: "Our behaviours' adoption" },
      { section: "METRICS_OFF_TRACK", title: "Our customer metrics" },
      { section: "FEEDBACK", title: "What our customers said" },
      { section: "RECOGNITIONS", title: "Wins: recognised behaviours" },
      {
        section: "PROMPT",
        title: "Impact on customers",
        prompt: "What is the current impact of our work on customer outcomes?",
      },
    ],
  },
  FEEDBACK_REVIEW: {
    label: "Weekly feedback review",
    purpose: "The week's customer feedback and the improvements it suggests.",
    usualScope: "TEAM",
    agenda: [
      carried,
      { section: "FEEDBACK", title: "This week's customer feedback" },
      {
        section: "PROMPT",
        title: "Improvements",
        prompt: "Which improvements does this feedback suggest, and which one do we make first?",
      },
    ],
  },
  RETROSPECTIVE: {
    label: "Retrospective",
    purpose:
      "Looks back at the customer impact of recent work, the opportunities missed, and how the team's behaviours are taking hold.",
    usualScope: "TEAM",
    agenda: [
      carried,
      { section: "ADOPTION_CHANGES", title: "Our behaviours' adoption" },
      { section: "TOP_BARRIERS", title: "What gets in the way" },
      { section: "RECOGNITIONS", title: "Recognised behaviours" },
      {
        section: "PROMPT",
        title: "Positive impact",
        prompt: "Which recent deliverables had the most positive impact on customers?",
      },
      {
        section: "PROMPT",
        title: "Missed opportunity",
        prompt: "Where did we miss an opportunity to address a customer pain point?",
      },
    ],
  },
  CUSTOMER_CLINIC: {
    label: "Cross-functional customer clinic",
    purpose: "Recurring customer pain points reviewed by several teams, and solutions co-created.",
    usualScope: "ORGANISATION",
    agenda: [
      carried,
      { section: "PAIN_POINTS", title: "Recurring pain points" },
      {
        section: "PROMPT",
        title: "Co-created solutions",
        prompt: "Which pain point do we take on together, and what does each team do?",
      },
    ],
  },
};

export const SECTION_LABELS: Readonly<Record<AgendaSection, string>> = {
  CARRIED_ACTIONS: "Carried-forward actions",
  CUSTOMER_STORY: "Customer story",
  ADOPTION_CHANGES: "Adoption changes",
  TOP_BARRIERS: "Top open barriers",
  METRICS_OFF_TRACK: "Customer metrics off track",
  OPEN_ACTIONS: "Open actions",
  RECOGNITIONS: "Recent recognitions",
  FEEDBACK: "Recent customer feedback",
  PAIN_POINTS: "Pain points",
  PROMPT: "Question",
  CUSTOM: "Item",
};

export const CADENCE_LABELS: Readonly<Record<Cadence, string>> = {
  WEEKLY: "Weekly",
  FORTNIGHTLY: "Fortnightly",
  MONTHLY: "Monthly",
  AD_HOC: "Ad hoc",
};

export const WEEKDAY_LABELS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const WEEK_OF_MONTH_LABELS = ["first", "second", "third", "fourth", "last"] as const;

export interface Schedule {
  cadence: Cadence;
  /** ISO weekday, 1 = Monday … 7 = Sunday (null for AD_HOC). */
  weekday: number | null;
  /** MONTHLY: 1–4, or 5 = the month's last such weekday. */
  weekOfMonth: number | null;
  startsOn: IsoDate;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: IsoDate): number {
  return daysBetween(weekStart(day), day) + 1;
}

/** "Fortnightly on Friday", "Monthly on the last Monday", "Ad hoc". */
export function describeSchedule(s: Schedule, startTime?: string | null): string {
  if (s.cadence === "AD_HOC" || s.weekday === null) return CADENCE_LABELS.AD_HOC;
  const day = WEEKDAY_LABELS[s.weekday - 1];
  const at = startTime ? ` at ${startTime}` : "";
  if (s.cadence === "MONTHLY") return `Monthly on the ${WEEK_OF_MONTH_LABELS[(s.weekOfMonth ?? 1) - 1]} ${day}${at}`;
  return `${CADENCE_LABELS[s.cadence]} on ${day}${at}`;
}

/** The month's n-th (1–4) or last (5) given weekday. */
function weekdayOfMonth(month: string, weekday: number, n: number): IsoDate {
  if (n === 5) {
    const last = lastDayOf(month);
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = `${month}-01`;
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7);
}

/** The first day on or after `day` the ritual meets (null for AD_HOC: people choose the date). */
export function nextMeetingOn(s: Schedule, day: IsoDate): IsoDate | null {
  if (s.cadence === "AD_HOC" || s.weekday === null) return null;
  const from = day < s.startsOn ? s.startsOn : day;
  if (s.cadence === "MONTHLY") {
    let month = monthOf(from);
    for (;;) {
      const d = weekdayOfMonth(month, s.weekday, s.weekOfMonth ?? 1);
      if (d >= from) return d;
      month = addMonths(month, 1);
    }
  }
  const first = addDays(s.startsOn, (s.weekday - isoWeekday(s.startsOn) + 7) % 7);
  if (from <= first) return first;
  const step = s.cadence === "WEEKLY" ? 7 : 14;
  return addDays(first, Math.ceil(daysBetween(first, from) / step) * step);
}

/** Whether the ritual meets on `day` by its schedule (any day for AD_HOC). */
export function meetsOn(s: Schedule, day: IsoDate): boolean {
  return s.cadence === "AD_HOC" || nextMeetingOn(s, day) === day;
}

/** The meeting days from `from` to `to`, both included: at most `limit` of them. */
export function meetingsBetween(s: Schedule, from: IsoDate, to: IsoDate, limit = 100): IsoDate[] {
  const days: IsoDate[] = [];
  let d = nextMeetingOn(s, from);
  while (d !== null && d <= to && days.length < limit) {
    days.push(d);
    d = nextMeetingOn(s, addDays(d, 1));
  }
  return days;
}

/**
 * The period an occurrence's agenda covers: from the day after the previous occurrence (what
 * changed since then), or, for the first one, the cadence's length before it.
 */
export function agendaPeriodStart(cadence: Cadence, date: IsoDate, previous: IsoDate | null): IsoDate {
  if (previous !== null && previous < date) return addDays(previous, 1);
  const days = cadence === "MONTHLY" || cadence === "AD_HOC" ? 28 : cadence === "FORTNIGHTLY" ? 14 : 7;
  return addDays(date, -days);
}

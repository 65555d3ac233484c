// The first-run checklist: the method's path from an empty organisation to its first insight.
// Each step ticks itself from what the organisation holds, never from a box someone ticked.

export interface OnboardingFacts {
  values: boolean;
  behaviours: boolean;
  teams: boolean;
  people: boolean;
  activeBehaviour: boolean;
  observations: boolean;
  insight: boolean;
}

export interface OnboardingStep {
  key: keyof OnboardingFacts;
  title: string;
  why: string;
  href: string;
  action: string;
  done: boolean;
}

const STEPS: Omit<OnboardingStep, "done">[] = [
  {
    key: "values",
    title: "Add your values",
    why: "The customer-centric themes your behaviours will serve.",
    href: "/catalogue",
    action: "Add a value",
  },
  {
    key: "behaviours",
    title: "Define a first behaviour",
    why: "Who does what, when, so precisely that an outsider watching a video could confirm it.",
    href: "/catalogue/new",
    action: "Define a behaviour",
  },
  {
    key: "teams",
    title: "Create teams",
    why: "People log observations for the team they work in.",
    href: "/teams",
    action: "Create a team",
  },
  {
    key: "people",
    title: "Invite people",
    why: "A behaviour becomes active only when someone other than its author has video-tested it.",
    href: "/settings",
    action: "Invite someone",
  },
  {
    key: "activeBehaviour",
    title: "Get a behaviour reviewed and active",
    why: "Submit it for review; a colleague runs the video test.",
    href: "/catalogue?status=IN_REVIEW",
    action: "See what awaits review",
  },
  {
    key: "observations",
    title: "Log a first observation",
    why: "Performed or missed, in one tap on a phone.",
    href: "/log",
    action: "Open the Log pad",
  },
  {
    key: "insight",
    title: "See it on the dashboard",
    why: "Adoption = performed ÷ opportunities, per behaviour and team.",
    href: "/dashboards",
    action: "Open the dashboards",
  },
];

export function onboardingSteps(facts: OnboardingFacts): OnboardingStep[] {
  return STEPS.map((s) => ({ ...s, done: facts[s.key] }));
}

/** The first step not done yet, or null once the organisation has been through them all. */
export function nextStep(steps: OnboardingStep[]): OnboardingStep | null {
  return steps.find((s) => !s.done) ?? null;
}

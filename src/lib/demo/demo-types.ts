// The shapes of the demo organisations (demo-orgs.ts), read by the seed (prisma/seed.ts).

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

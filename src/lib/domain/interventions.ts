// Interventions: which intervention functions fit a barrier, the APEASE appraisal, and whether
// adoption moved after the intervention started. Pure.
import { adoption, MIN_OPPORTUNITIES, type Adoption, type AdoptionCounts } from "./adoption";
import { addDays, daysBetween, periodBefore, periodLength, type Period } from "./dates";

export const INTERVENTION_FUNCTIONS = [
  "EDUCATION",
  "PERSUASION",
  "INCENTIVISATION",
  "COERCION",
  "TRAINING",
  "RESTRICTION",
  "ENVIRONMENTAL_RESTRUCTURING",
  "MODELLING",
  "ENABLEMENT",
] as const;
export type InterventionFunction = (typeof INTERVENTION_FUNCTIONS)[number];

export const FUNCTION_LABELS: Record<InterventionFunction, string> = {
  EDUCATION: "Education",
  PERSUASION: "Persuasion",
  INCENTIVISATION: "Incentivisation",
  COERCION: "Coercion",
  TRAINING: "Training",
  RESTRICTION: "Restriction",
  ENVIRONMENTAL_RESTRUCTURING: "Environmental restructuring",
  MODELLING: "Modelling",
  ENABLEMENT: "Enablement",
};

export const FUNCTION_DESCRIPTIONS: Record<InterventionFunction, string> = {
  EDUCATION: "Increase knowledge or understanding",
  PERSUASION: "Use communication to induce feelings or stimulate action",
  INCENTIVISATION: "Create an expectation of reward",
  COERCION: "Create an expectation of cost",
  TRAINING: "Impart skills",
  RESTRICTION: "Use rules to reduce the opportunity to do the competing behaviour",
  ENVIRONMENTAL_RESTRUCTURING: "Change the physical or social context",
  MODELLING: "Provide an example for people to aspire to or imitate",
  ENABLEMENT: "Increase means or reduce barriers to increase capability or opportunity",
};

export type ComB =
  | "PHYSICAL_CAPABILITY"
  | "PSYCHOLOGICAL_CAPABILITY"
  | "PHYSICAL_OPPORTUNITY"
  | "SOCIAL_OPPORTUNITY"
  | "REFLECTIVE_MOTIVATION"
  | "AUTOMATIC_MOTIVATION";

// The Behaviour Change Wheel's COM-B → intervention function matrix (Michie, van Stralen & West
// 2011, Implementation Science 6:42, table 3), as the product specifies it.
const BCW_MATRIX: Record<ComB, readonly InterventionFunction[]> = {
  PHYSICAL_CAPABILITY: ["TRAINING", "ENABLEMENT"],
  PSYCHOLOGICAL_CAPABILITY: ["EDUCATION", "TRAINING", "ENABLEMENT"],
  REFLECTIVE_MOTIVATION: ["EDUCATION", "PERSUASION", "INCENTIVISATION", "COERCION"],
  AUTOMATIC_MOTIVATION: [
    "PERSUASION",
    "INCENTIVISATION",
    "COERCION",
    "ENVIRONMENTAL_RESTRUCTURING",
    "MODELLING",
    "ENABLEMENT",
  ],
  PHYSICAL_OPPORTUNITY: ["RESTRICTION", "ENVIRONMENTAL_RESTRUCTURING", "ENABLEMENT"],
  SOCIAL_OPPORTUNITY: ["RESTRICTION", "ENVIRONMENTAL_RESTRUCTURING", "ENABLEMENT"],
};

export function suggestedFunctions(comB: ComB): readonly InterventionFunction[] {
  return BCW_MATRIX[comB];
}

// APEASE (Michie, Atkins & West 2014, "The Behaviour Change Wheel: a guide"): the criteria for
// choosing among candidate interventions. Each is scored 1 (poor) to 5 (good) with a note.
export const APEASE_CRITERIA = [
  { key: "affordability", label: "Affordability", question: "Can it be delivered within the budget?" },
  {
    key: "practicability",
    label: "Practicability",
    question: "Can it be delivered as designed, at the scale intended?",
  },
  {
    key: "effectiveness",
    label: "Effectiveness",
    question: "How well will it change the behaviour, and cost-effectively?",
  },
  {
    key: "acceptability",
    label: "Acceptability",
    question: "Do the people affected and the organisation find it appropriate?",
  },
  { key: "sideEffects", label: "Side-effects / safety", question: "Is it free of unwanted effects? (5 = none)" },
  { key: "equity", label: "Equity", question: "Does it avoid widening differences between groups?" },
] as const;
export type ApeaseKey = (typeof APEASE_CRITERIA)[number]["key"];
export type Apease = Record<ApeaseKey, { score: number; note: string }>;

export function apeaseTotal(a: Apease): number {
  return APEASE_CRITERIA.reduce((s, c) => s + a[c.key].score, 0);
}

// ---------------------------------------------------------------- before / after

/** The after window is capped so that a long-running intervention compares like with like. */
export const MAX_WINDOW_DAYS = 84;

export type Window = Period;

/**
 * After = from the start day to today (at most MAX_WINDOW_DAYS); before = the same number of days
 * just before the start, so both rates cover equal time. Null when the intervention has not started.
 */
export function beforeAfterWindows(
  startDay: string,
  today: string,
): { before: Window; after: Window; days: number } | null {
  const cap = addDays(startDay, MAX_WINDOW_DAYS - 1);
  const after = { from: startDay, to: today < cap ? today : cap };
  if (daysBetween(after.from, after.to) < 0) return null;
  return { before: periodBefore(after), after, days: periodLength(after) };
}

export interface BeforeAfter {
  before: Adoption;
  after: Adoption;
  /** after − before in percentage points, or null when either side has too few opportunities. */
  changePts: number | null;
}

export function beforeAfter(before: AdoptionCounts, after: AdoptionCounts): BeforeAfter {
  const b = adoption(before);
  const a = adoption(after);
  return {
    before: b,
    after: a,
    changePts: a.rate !== null && b.rate !== null ? Math.round((a.rate - b.rate) * 1000) / 10 : null,
  };
}

/**
 * Difference in differences: the rolled-out teams' change minus the not-yet teams' change over the
 * same windows. It removes what happened everywhere anyway (a season, a reorganisation); it is still
 * a comparison, not proof, since teams were not assigned at random.
 */
export function differenceInDifferences(rolledOut: BeforeAfter, comparison: BeforeAfter): number | null {
  if (rolledOut.changePts === null || comparison.changePts === null) return null;
  return Math.round((rolledOut.changePts - comparison.changePts) * 10) / 10;
}

/** Why the evidence does not (yet) show the barrier removed, or null when it does. */
export function removalProblem(e: BeforeAfter | null): string | null {
  if (!e) return "No intervention has started yet: adoption after its start is the evidence a barrier was removed.";
  if (e.before.rate === null || e.after.rate === null) {
    return `Not enough observations to compare (before: ${e.before.opportunities}, after: ${e.after.opportunities} opportunities; at least ${MIN_OPPORTUNITIES} each). Keep logging, then mark it removed.`;
  }
  if (e.after.rate <= e.before.rate) {
    return `Adoption did not rise after the intervention (before ${pct(e.before.rate)} of ${e.before.opportunities}, after ${pct(e.after.rate)} of ${e.after.opportunities}). Keep it in progress, try another intervention, or accept it.`;
  }
  return null;
}

/**
 * Why an intervention whose figures are hidden under the minimum group size (docs/decisions/039) cannot be the
 * evidence a barrier was removed: a removal resting on figures nobody may see could not be checked.
 */
export function hiddenEvidenceProblem(reason: "small" | "complement", threshold: number): string {
  return reason === "small"
    ? `The teams it was rolled out to have fewer than ${threshold} people together, so its figures are not shown and cannot be the evidence the barrier was removed. Plan one over more teams, or accept the barrier.`
    : "Its figures are hidden: it takes in some of the teams hidden under the minimum group size but not all of them, so they could be worked out from it. It cannot be the evidence the barrier was removed: plan one over all of those teams or none of them, or accept the barrier.";
}

/** Why no intervention shows the barrier removed: each one's reason, named, when there are several. */
export function removalRefusal(evidence: readonly { title: string; problem: string | null }[]): string {
  const problems = evidence.filter((e) => e.problem !== null);
  if (problems.length === 0)
    return "Plan an intervention first: its before/after adoption is the evidence a barrier was removed.";
  if (problems.length === 1) return problems[0]!.problem!;
  return problems.map((e) => `“${e.title}”: ${e.problem}`).join(" ");
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

// Doer / non-doer surveys (Barrier Analysis, Kittle 2017): how a respondent is classified, how a
// survey is tabulated, and the standard question for each determinant. Pure.
import { DEFAULT_PREVALENCE, tabulateResponse, type ResponseStats } from "./barrier-stats";
import { toCsv } from "./csv";

export type Group = "DOER" | "NON_DOER" | "EXCLUDED";
export type QuestionKind = "SCREENING" | "DETERMINANT";

export const DETERMINANTS = [
  "SELF_EFFICACY",
  "SOCIAL_NORMS",
  "POSITIVE_CONSEQUENCES",
  "NEGATIVE_CONSEQUENCES",
  "ACCESS",
  "CUES_FOR_ACTION",
  "SUSCEPTIBILITY",
  "SEVERITY",
  "ACTION_EFFICACY",
  "DIVINE_WILL",
  "POLICY",
  "CULTURE",
] as const;
export type Determinant = (typeof DETERMINANTS)[number];

export interface SurveyShape {
  questions: {
    id: string;
    text: string;
    kind: QuestionKind;
    determinant: Determinant | null;
    multiple: boolean;
    options: { id: string; label: string; classifies: Group | null }[];
  }[];
}

/**
 * A respondent's group from the groups their screening responses stand for: excluded if any
 * response excludes them, a non-doer if any says non-doer, a doer only when every screening
 * question says doer. Null when a screening question is unanswered.
 */
export function classify(screening: readonly (Group | null | undefined)[]): Group | null {
  if (screening.length === 0 || screening.some((g) => !g)) return null;
  if (screening.includes("EXCLUDED")) return "EXCLUDED";
  if (screening.includes("NON_DOER")) return "NON_DOER";
  return "DOER";
}

/** The group a respondent's chosen options stand for, or null when a screening answer is missing. */
export function groupFromChoices(shape: SurveyShape, chosen: ReadonlySet<string>): Group | null {
  const screening = shape.questions.filter((q) => q.kind === "SCREENING");
  return classify(screening.map((q) => q.options.find((o) => chosen.has(o.id))?.classifies ?? null));
}

export interface TabulationRow {
  questionId: string;
  question: string;
  determinant: Determinant;
  optionId: string;
  response: string;
  stats: ResponseStats;
}

/**
 * Every response of every determinant question against the doers and non-doers (excluded
 * respondents are left out). `counts` maps an option to how many doers and non-doers gave it.
 */
export function tabulateSurvey(
  shape: SurveyShape,
  counts: ReadonlyMap<string, { doers: number; nonDoers: number }>,
  totals: { doers: number; nonDoers: number },
  prevalence = DEFAULT_PREVALENCE,
): TabulationRow[] {
  return shape.questions
    .filter((q) => q.kind === "DETERMINANT" && q.determinant)
    .flatMap((q) =>
      q.options.map((o) => {
        const c = counts.get(o.id) ?? { doers: 0, nonDoers: 0 };
        return {
          questionId: q.id,
          question: q.text,
          determinant: q.determinant!,
          optionId: o.id,
          response: o.label,
          stats: tabulateResponse(
            { a: c.doers, doers: totals.doers, b: c.nonDoers, nonDoers: totals.nonDoers },
            prevalence,
          ),
        };
      }),
    );
}

export const TABULATION_COLUMNS = [
  "determinant",
  "question",
  "response",
  "doers_with",
  "doers_total",
  "nondoers_with",
  "nondoers_total",
  "pct_doers",
  "pct_nondoers",
  "odds_ratio",
  "or_ci_low",
  "or_ci_high",
  "err",
  "p_value",
  "test",
  "significant",
] as const;

const num = (v: number | null, digits: number) => (v === null ? "" : v.toFixed(digits));
const pValue = (p: number | null) => (p === null ? "" : p < 0.0001 ? p.toExponential(3) : p.toFixed(4));

/** The tabulation as CSV, one row per response, with exactly TABULATION_COLUMNS. */
export function tabulationCsv(rows: readonly TabulationRow[], determinantLabel: (d: Determinant) => string): string {
  return toCsv([
    [...TABULATION_COLUMNS],
    ...rows.map((r) => [
      determinantLabel(r.determinant),
      r.question,
      r.response,
      r.stats.doersWith,
      r.stats.doersTotal,
      r.stats.nonDoersWith,
      r.stats.nonDoersTotal,
      num(r.stats.pctDoers, 1),
      num(r.stats.pctNonDoers, 1),
      num(r.stats.oddsRatio, 3),
      num(r.stats.orCiLow, 3),
      num(r.stats.orCiHigh, 3),
      num(r.stats.err, 3),
      pValue(r.stats.pValue),
      r.stats.test ?? "",
      r.stats.significant ? "yes" : "no",
    ]),
  ]);
}

/** Formats a p-value for people: "< 0.001" rather than a long exponent. */
export function formatP(p: number | null): string {
  if (p === null) return "–";
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

// The COM-B component a determinant most often points to, offered as the starting classification
// when a survey finding becomes a barrier (the person reviewing it can change it).
export const COMB_FOR_DETERMINANT: Record<Determinant, string> = {
  SELF_EFFICACY: "PSYCHOLOGICAL_CAPABILITY",
  SOCIAL_NORMS: "SOCIAL_OPPORTUNITY",
  POSITIVE_CONSEQUENCES: "REFLECTIVE_MOTIVATION",
  NEGATIVE_CONSEQUENCES: "REFLECTIVE_MOTIVATION",
  ACCESS: "PHYSICAL_OPPORTUNITY",
  CUES_FOR_ACTION: "PHYSICAL_OPPORTUNITY",
  SUSCEPTIBILITY: "REFLECTIVE_MOTIVATION",
  SEVERITY: "REFLECTIVE_MOTIVATION",
  ACTION_EFFICACY: "REFLECTIVE_MOTIVATION",
  DIVINE_WILL: "REFLECTIVE_MOTIVATION",
  POLICY: "PHYSICAL_OPPORTUNITY",
  CULTURE: "SOCIAL_OPPORTUNITY",
};

// The standard Barrier Analysis question for each determinant, adapted to workplace behaviours
// (Kittle 2017, chapter 4). Yes / no / not sure, so every response can be tabulated.
export const DETERMINANT_TEMPLATES: Record<Determinant, string> = {
  SELF_EFFICACY: "With what you know and have now, could you do this every time it is due?",
  SOCIAL_NORMS: "Do most of the people you work with approve of you doing this?",
  POSITIVE_CONSEQUENCES: "Does doing this bring you any advantage?",
  NEGATIVE_CONSEQUENCES: "Does doing this bring you any disadvantage?",
  ACCESS: "Is it difficult to get the tools, information or time you need to do this?",
  CUES_FOR_ACTION: "Is it difficult to remember to do this at the right moment?",
  SUSCEPTIBILITY: "How likely is it that a customer of yours is hurt when this is not done?",
  SEVERITY: "How serious is it for the customer when this is not done?",
  ACTION_EFFICACY: "How likely is it that doing this improves the customer's outcome?",
  DIVINE_WILL: "Do you think whether this works out is beyond anyone's control?",
  POLICY: "Is there a rule or procedure that makes this harder to do?",
  CULTURE: "Is there anything in how things are done here that goes against doing this?",
};

export const TEMPLATE_RESPONSES: Record<Determinant, readonly string[]> = {
  SELF_EFFICACY: ["Yes", "Not sure", "No"],
  SOCIAL_NORMS: ["Yes", "Not sure", "No"],
  POSITIVE_CONSEQUENCES: ["Yes", "No"],
  NEGATIVE_CONSEQUENCES: ["Yes", "No"],
  ACCESS: ["Yes", "No"],
  CUES_FOR_ACTION: ["Yes", "No"],
  SUSCEPTIBILITY: ["Very likely", "Somewhat likely", "Not likely"],
  SEVERITY: ["Very serious", "Somewhat serious", "Not serious"],
  ACTION_EFFICACY: ["Very likely", "Somewhat likely", "Not likely"],
  DIVINE_WILL: ["Yes", "No"],
  POLICY: ["Yes", "No"],
  CULTURE: ["Yes", "No"],
};

const IRREGULAR: Record<string, string> = { has: "have", is: "be", does: "do", goes: "go" };

/**
 * Behaviours are written in the third person ("posts the root cause…"); a question to the person
 * asks "did you post the root cause…". Turns the first verb into its base form.
 */
export function baseForm(actionPhrase: string): string {
  const [first = "", ...rest] = actionPhrase.trim().split(/\s+/);
  const lower = first.toLowerCase();
  let verb = first;
  if (IRREGULAR[lower]) verb = IRREGULAR[lower];
  else if (/[^aeiou]ies$/i.test(first)) verb = `${first.slice(0, -3)}y`;
  else if (/(ch|sh|x|ss|zz)es$/i.test(first)) verb = first.slice(0, -2);
  else if (/[^s]s$/i.test(first)) verb = first.slice(0, -1);
  return [verb, ...rest].join(" ");
}

/** The default screening question: did they do the behaviour in the last two weeks? */
export function screeningTemplate(actionPhrase: string): {
  text: string;
  options: { label: string; classifies: Group }[];
} {
  const action = baseForm(actionPhrase).replace(/[.\s]+$/, "") || "do this behaviour";
  return {
    text: `In the last two weeks, each time it was due, did you ${action}?`,
    options: [
      { label: "Yes, every time", classifies: "DOER" },
      { label: "Not every time", classifies: "NON_DOER" },
      { label: "It was never due", classifies: "EXCLUDED" },
    ],
  };
}

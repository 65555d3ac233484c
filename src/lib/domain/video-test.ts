// The automatic video test: could an outsider watching a video confirm that this behaviour
// happened? Pure and deterministic; the editor runs it on every keystroke and the server runs it
// again before a behaviour can be submitted for review. It flags attitudes and inner states that
// no camera can see, vague frequencies, and the parts a behaviour needs (actor, action, trigger,
// frequency, completion criterion). Each finding names the words and suggests a rewrite pattern.

import type { VideoTestText } from "./behaviour";

export type CheckedField = keyof VideoTestText;

export type FindingKind = "unobservable" | "vague-frequency" | "diffuse-actor" | "missing";

export interface Finding {
  field: CheckedField;
  kind: FindingKind;
  /** The words that triggered it, as written. Empty for a missing part. */
  words: string[];
  message: string;
  suggestion: string;
}

export interface VideoTestResult {
  passes: boolean;
  findings: Finding[];
}

interface Rule {
  pattern: RegExp;
  message: string;
  suggestion: string;
}

// Attitudes, intentions and inner states: real, but not filmable. Word forms are spelled out so
// the rules stay readable and testable.
const UNOBSERVABLE: Rule[] = [
  {
    pattern: /\b(understand|understands|understanding|understood)\b/gi,
    message: "Understanding happens in someone's head.",
    suggestion:
      "Name what people do that shows it, e.g. 'writes the customer's goal in their own words on the ticket'.",
  },
  {
    pattern:
      /\b(is|are|be|being|been|become|becomes|becoming|stay|stays|remain|remains)\s+(more\s+|fully\s+)?aware\b|\bawareness\b/gi,
    message: "Awareness cannot be filmed.",
    suggestion: "Name the visible act, e.g. 'reads the account's open tickets before the call'.",
  },
  {
    pattern: /\b(care|cares|caring|cared)\s+(about|for)\b/gi,
    message: "Caring is an attitude.",
    suggestion: "Describe the act that shows it, e.g. 'calls the customer back within 2 hours'.",
  },
  {
    pattern: /\b(believe|believes|believing|belief|beliefs)\b/gi,
    message: "Beliefs are invisible.",
    suggestion: "Replace with what someone says or does, e.g. 'names one customer risk in the review'.",
  },
  {
    pattern: /\b(empathy|empathise|empathize|empathises|empathizes|empathetic|empathic)\b/gi,
    message: "Empathy is a feeling, not an act.",
    suggestion: "Name the act, e.g. 'repeats the customer's problem back in their words before proposing a fix'.",
  },
  {
    pattern: /\bproactive(ly)?\b|\bbe\s+proactive\b/gi,
    message: "'Proactive' does not say what to do.",
    suggestion: "Say what is done before being asked, and when, e.g. 'posts a status update before the customer asks'.",
  },
  {
    pattern: /\bcustomer[-\s](focused|centric|centred|centered|obsessed|first|oriented)\b/gi,
    message: "A label for the value, not a behaviour.",
    suggestion: "Use the pattern: <actor> <visible verb> <artefact> when <trigger>, within <deadline>.",
  },
  {
    pattern: /\b(think|thinks|thinking|thought)\s+(about|of|through)\b/gi,
    message: "Thinking cannot be seen.",
    suggestion:
      "Name the artefact that shows the thinking, e.g. 'writes two options with their customer effect in the design doc'.",
  },
  {
    pattern: /\b(feel|feels|feeling|felt)\b/gi,
    message: "Feelings are not observable.",
    suggestion: "Describe what the person does or says, e.g. 'asks the customer to rate the fix from 1 to 5'.",
  },
  {
    pattern: /\b(ensure|ensures|ensuring|ensured|(make|makes|making)\s+sure)\b/gi,
    message: "'Ensure' states an intention, not an act.",
    suggestion: "Say what is done to make it so, e.g. 'runs the checklist and ticks each item on the release ticket'.",
  },
  {
    pattern: /\b(strive|strives|striving|endeavour|endeavor|aim\s+to|aims\s+to|try\s+to|tries\s+to)\b/gi,
    message: "Effort and intent are invisible.",
    suggestion: "Describe the completed act, e.g. 'replies' instead of 'tries to reply'.",
  },
  {
    pattern: /\b(know|knows|knowing)\b/gi,
    message: "Knowing is a state of mind.",
    suggestion: "Name how knowledge shows, e.g. 'names the customer's top three open issues at stand-up'.",
  },
  {
    pattern:
      /\b(appreciate|appreciates|respect|respects|embrace|embraces|value|values|valuing)\s+(the\s+)?(customer|customers|feedback|input|people|colleagues)\b/gi,
    message: "An attitude towards someone is not an act.",
    suggestion: "Describe the act, e.g. 'thanks the customer on the ticket and says what will change'.",
  },
  {
    pattern: /\b(mindset|passion|passionate|commitment|committed\s+to|dedicated\s+to|attitude)\b/gi,
    message: "Mindsets and commitment are not observable.",
    suggestion: "Name one act that someone with that mindset does, and when.",
  },
  {
    pattern: /\b(consider|considers|considering|reflect\s+on|(keep|keeps|keeping|bear|bears)\s+in\s+mind)\b/gi,
    message: "Considering happens in someone's head.",
    suggestion: "Name the visible result, e.g. 'records the customer impact in the decision log'.",
  },
  {
    pattern: /^\s*(be|being)\s+\w+/gi,
    message: "'Be …' describes a state, not an act.",
    suggestion: "Start with an action verb the camera can see: writes, posts, calls, shows, asks, records.",
  },
];

// Frequencies nobody can check.
const VAGUE_FREQUENCY: RegExp =
  /\b(regularly|often|frequently|sometimes|occasionally|when(ever)?\s+possible|as\s+(needed|appropriate|required|necessary)|where\s+appropriate|in\s+a\s+timely\s+(manner|fashion)|timely|asap|as\s+soon\s+as\s+possible|promptly|quickly|continuously|constantly|on\s+an\s+ongoing\s+basis|from\s+time\s+to\s+time|if\s+(there\s+is\s+)?time\s+(allows|permits))\b/gi;

// Actors for whom nobody in particular is responsible.
const DIFFUSE_ACTOR: RegExp =
  /^\s*(we|everyone|everybody|all|all\s+staff|all\s+employees|people|anyone|someone|staff|employees|the\s+company|the\s+organi[sz]ation)\s*$/i;

const MISSING: Record<Exclude<CheckedField, "title">, { message: string; suggestion: string }> = {
  actor: {
    message: "Who does it? A behaviour needs an actor.",
    suggestion: "Name a role or team, e.g. 'The on-call engineer'.",
  },
  action: {
    message: "What do they do? A behaviour needs an observable action.",
    suggestion: "Use a visible verb and an artefact, e.g. 'posts the root cause on the customer's ticket'.",
  },
  trigger: {
    message: "When or where does it happen? Add the trigger.",
    suggestion: "Name the moment, e.g. 'When a customer reports a defect' or 'At every sprint review'.",
  },
  frequency: {
    message: "How often, or by when? Add a frequency or deadline.",
    suggestion: "Make it checkable, e.g. 'within 24 hours', 'every sprint review', 'each Monday'.",
  },
  completionCriterion: {
    message: "How can anyone tell it is done? Add a completion criterion.",
    suggestion: "Name the evidence, e.g. 'A comment headed Root cause is visible on the ticket'.",
  },
};

const FIELDS: CheckedField[] = ["title", "actor", "action", "trigger", "frequency", "completionCriterion"];

function matches(text: string, pattern: RegExp): string[] {
  return [
    ...text.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`)),
  ].map((m) => m[0].trim());
}

export function videoTest(text: VideoTestText): VideoTestResult {
  const findings: Finding[] = [];
  for (const field of FIELDS) {
    const value = (text[field] ?? "").trim();
    if (!value) {
      if (field !== "title") findings.push({ field, kind: "missing", words: [], ...MISSING[field] });
      continue;
    }
    for (const rule of UNOBSERVABLE) {
      const words = matches(value, rule.pattern);
      if (words.length)
        findings.push({ field, kind: "unobservable", words, message: rule.message, suggestion: rule.suggestion });
    }
    const vague = matches(value, VAGUE_FREQUENCY);
    if (vague.length) {
      findings.push({
        field,
        kind: "vague-frequency",
        words: vague,
        message: `'${vague[0]}' cannot be checked: nobody can say whether it happened often enough.`,
        suggestion:
          "Use a number or a moment: 'within 24 hours', 'every sprint review', 'before the release is approved'.",
      });
    }
    if (field === "actor" && DIFFUSE_ACTOR.test(value)) {
      findings.push({
        field,
        kind: "diffuse-actor",
        words: [value],
        message: `'${value}' is everyone and so no one.`,
        suggestion: "Name the role or team that does it, e.g. 'The support triage lead'.",
      });
    }
  }
  return { passes: findings.length === 0, findings };
}

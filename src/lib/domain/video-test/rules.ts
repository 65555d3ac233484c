// The video test's phrase rules, as data: each has its kind, the fields it reads, its phrases
// (see patterns.ts for the notation), a message saying why a camera cannot see it, and a rewrite.
// Structural checks (the main verb, the actor's head noun, the completion criterion's subject, a
// frequency without a number or moment) live in structure.ts; word lists they use are here.
import type { CheckedField, FindingKind } from "./types";

export interface PhraseRule {
  id: string;
  kind: FindingKind;
  /** Fields the rule reads; all fields when absent. */
  fields?: CheckedField[];
  phrases: string[];
  message: string;
  suggestion: string;
}

const ACT = "Use the pattern: <actor> <visible verb> <artefact> when <trigger>, within <deadline>.";

export const PHRASE_RULES: PhraseRule[] = [
  {
    id: "idiom",
    kind: "idiom",
    phrases: [
      "~bend over backwards",
      "~have the|their|his|her|your|our|a _* back",
      "~live and ~breathe",
      "~live the _? brand|values|value|mission|promise|culture",
      "extra mile|distance",
      "above and beyond",
      "at|in the heart of",
      "~have a heart for",
      "in _* shoes",
      "front|top of mind",
      "~keep an|a|their _? eye|eyes on",
      "skin in the game",
      "~take|~own ownership",
      "~roll up _ sleeves",
      "all the stops",
      "no stone unturned",
      "like family",
      "~raise the bar",
      "~move the needle",
      "~walk the talk|walk",
      "~put _* first",
      "~listen actively|attentively|carefully",
      "actively|attentively ~listen",
      "~take pride",
      "~wear _* hat",
      "~be _* there for",
      "out of _ way",
      "~go the distance",
      "bought|~buy in",
      "on the same page",
    ],
    message: "A figure of speech: nobody could film it happening.",
    suggestion: "Name the act it stands for, e.g. 'calls the customer back the same day and logs the call'.",
  },
  {
    id: "inner",
    kind: "unobservable",
    phrases: [
      "~understand",
      "understanding",
      "~be|~become|~stay|~remain more|fully? aware",
      "awareness",
      "~care about|for",
      "~believe",
      "belief|beliefs",
      "empathy|~empathise|~empathize|empathetic|empathic",
      "proactive|proactively",
      "~think about|of|through",
      "~feel",
      "~ensure",
      "~make sure",
      "~strive|~endeavour|~endeavor",
      "~aim|~try|~attempt|~want|~wish|~hope|~intend to",
      "~know",
      "~appreciate",
      "~respect the|their|others|other|customer's|client's|user's|people's|colleagues",
      "~value|~embrace the? customer|customers|feedback|input|people|colleagues|users|clients",
      "mindset|passion|passionate|commitment|attitude",
      "committed|dedicated to",
      "~consider",
      "~reflect on",
      "~keep|~bear _* in mind",
      "~pay attention",
      "attention to detail",
      "mindful",
      "~remember",
      "notices|noticed|noticing",
      "~recognise|~recognize _* frustration|emotion|emotions|mood|feelings|needs|concerns|signs",
      "~wonder",
      "~learn",
      "~focus on",
      "trusts|trusted|trusting",
    ],
    message: "An inner state or an intention: real, but no camera can see it.",
    suggestion:
      "Name what the person does or says that shows it, e.g. 'repeats the customer's problem back before proposing a fix'.",
  },
  {
    id: "influence",
    kind: "influence",
    phrases: [
      "~inspire|~motivate|~nurture|~instil|~instill|~cultivate|~encourage|~foster|~galvanise|~galvanize|~energise|~energize|~influence|~champion|~empower",
      "~role model",
      "role models",
      "~enable _* to",
      "~promote|~drive|~build|~create|~shape|~grow _* culture|environment|atmosphere|climate|mindset|ethos",
      "culture of",
      "~support _? colleagues|team|others|people|staff|peers|agents",
      "~set the tone",
    ],
    message: "Influence is an effect on others, not an act anyone can film.",
    suggestion:
      "Name what the person visibly does to influence, e.g. 'shows a new hire how to log a refund, then watches them do one'.",
  },
  {
    id: "outcome",
    kind: "outcome",
    phrases: [
      "~raise|~increase|~boost|~lift|~grow|~improve|~drive|~cut|~reduce|~lower|~decrease|~minimise|~minimize|~maximise|~maximize|~strengthen|~retain|~earn|~gain|~win|~build _* nps|churn|loyalty|satisfaction|csat|retention|complaints|escalations|experience|trust|relationships|relationship|business|expectations|value|effort|revenue|sales|conversion|rate|scores|engagement|time|accounts|customers|clients|rapport|hearts",
      "~make|~keep _* happy|satisfied|delighted|loyal|comfortable",
      "~delight|~wow",
      "~exceed _* expectations",
      "~win back",
    ],
    message: "A result, not a behaviour: it says what should change, not what anyone does.",
    suggestion:
      "Keep the result as the customer outcome and name the act that leads to it, e.g. 'calls each customer who cancelled and asks why'.",
  },
  {
    id: "label-phrase",
    kind: "label",
    phrases: [
      "excellence",
      "world class",
      "best in class",
      "best of breed",
      "first class",
      "design thinking",
      "ethos",
      "philosophy",
    ],
    message: "A label or slogan for the value, not a behaviour.",
    suggestion: ACT,
  },
  {
    id: "timing",
    kind: "vague-frequency",
    phrases: [
      "regularly|regular|often|frequently|sometimes|occasionally|periodically|routinely|usually|normally|generally|typically|shortly|promptly|quickly|timely|asap|continuously|constantly|eventually|sooner|appropriate|appropriately|convenient|conveniently|reasonable|reasonably",
      "when|whenever|where|if possible|necessary|needed|feasible|practical",
      "as and? needed|appropriate|required|necessary",
      "as soon as possible|practical|practicable",
      "as and when",
      "on an ongoing basis",
      "from time to time",
      "if _? time allows|permits",
      "in good time",
      "right moment|time",
      "time is right",
      "now and then|again",
      "too long",
      "so often",
      "in a while",
      "at some point|stage|time",
      "~make sense",
      "in due course",
      "undue delay",
      "without delay",
      "whenever _ can",
      "earliest opportunity",
      "most days|weeks|times",
      "a chance",
      "soon after",
      "in a timely manner|fashion",
    ],
    message: "Nobody can check this: when, or how often, is it done?",
    suggestion: "Use a number or a moment: 'within 24 hours', 'every sprint review', 'before the release is approved'.",
  },
];

/** Label heads and endings: "client-led", "customer centricity", "userdriven", "a service-first approach". */
export const LABEL_HEADS = new Set(
  "customer customers client clients user users service people guest guests patient patients consumer consumers human member members".split(
    " ",
  ),
);
export const LABEL_ENDINGS = new Set(
  "centric centricity centrically centred centered centredness centeredness led driven first focused focussed focus oriented orientated orientation obsessed obsession obsessive obsessively intimacy minded mindedness".split(
    " ",
  ),
);

export const LABEL = {
  message: "A label or slogan for the value, not a behaviour.",
  suggestion: ACT,
};

/** Linking verbs: "is approachable", "stays curious", "remains courteous". */
export const COPULAS = new Set(
  "be is are am was were been being become becomes became becoming remain remains remained remaining stay stays stayed staying seem seems seemed appear appears appeared".split(
    " ",
  ),
);
/** "keeps calm": keep takes an adjective only from this list (it mostly takes an object). */
export const KEEP_ADJECTIVES = new Set(
  "calm cool positive quiet focused composed patient friendly professional curious humble open engaged busy".split(" "),
);
/** Words after a linking verb that make it a place, a time, an act or a thing rather than a state. */
export const NOT_A_STATE = new Set(
  "the a an this that these those their his her its our your my every each all any some one no on at in with by until till after before within near beside behind for to from through during over under up down out off back there here first".split(
    " ",
  ),
);
export const ADVERBS = new Set(
  "always never also still really very more most fully truly genuinely consistently just often".split(" "),
);

/** Actors that are nobody in particular. */
export const DIFFUSE_WORDS = new Set(
  "we us all everyone everybody anyone anybody someone somebody whoever any".split(" "),
);
export const GENERIC_NOUNS = new Set(
  "people person persons employee employees staff colleague colleagues member members business company organisation organization firm workforce department departments hands everyone team-members".split(
    " ",
  ),
);
export const ACTOR_BOUNDARY = new Set("who that which on in at across of from with as".split(" "));

/** Subjects of a completion criterion that are people or feelings: their state is not evidence. */
export const PERSON_SUBJECTS = new Set(
  "customer customers client clients user users caller callers guest guests patient patients visitor visitors team everyone everybody stakeholders stakeholder people staff relationship colleague colleagues manager buyer".split(
    " ",
  ),
);
export const VAGUE_SUBJECTS = new Set(
  "things thing everything it issue issues problem problems matter situation complaint concerns all".split(" "),
);
export const VAGUE_DONE = new Set(
  "resolved handled sorted addressed dealt done fixed taken under fine ok okay complete completed finished settled clear better good".split(
    " ",
  ),
);
/** Participles that describe a record, not a feeling: "the customer is copied on the e-mail". */
export const EVIDENCE_PARTICIPLES = new Set(
  "copied cced sent invited added tagged booked listed named registered assigned called phoned emailed mentioned billed refunded".split(
    " ",
  ),
);
export const CRITERION_VERBS = new Set([...COPULAS, "leaves", "leave", "left", "looks", "sounds", "walks", "goes"]);
export const NON_EVIDENCE_NOUNS = ["clarity", "alignment", "peace of mind", "satisfaction", "confidence"];

/** A frequency needs one of these (or a number) to be checkable. */
export const TIME_ANCHORS = new Set(
  "every each per daily weekly monthly yearly annually hourly nightly fortnightly quarterly once twice thrice first second third last next same before after at by within on during until till when whenever monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday sundays noon midnight one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty".split(
    " ",
  ),
);

// Recognition (issue 16): thanking a colleague or a team for a specific act of a catalogue
// behaviour. Praise that names no act teaches nothing; a thank-you that says what was done and
// what changed for which customer shows everyone what the behaviour looks like in practice (the
// same idea as the video test: could an outsider tell what happened?). Pure: the form runs it on
// every keystroke, the server runs it again before saving.
//
// What blocks saving: an empty field, or a field with nothing but praise, thanks, filler and emoji
// ("Great job!", "Thanks for everything 🙏", "Legend"). What only warns: an act too short to picture,
// vague words ("everything", "above and beyond"), a customer effect that names no customer, or one
// that says no change. Warnings nudge; they never stop someone from saying thank you.
import type { SuppressionReason } from "./group-size";

export type RecognitionField = "act" | "customerEffect";

export type HintKind = "empty" | "praise-only" | "too-short" | "vague" | "no-customer" | "no-change";

export interface RecognitionHint {
  field: RecognitionField;
  kind: HintKind;
  /** The words that triggered it, as written. Empty for a missing part. */
  words: string[];
  message: string;
  suggestion: string;
  /** True when the recognition cannot be saved until this is fixed. */
  blocking: boolean;
}

export interface SpecificityResult {
  /** No hint at all: specific enough to teach the behaviour. */
  specific: boolean;
  /** No blocking hint: the recognition may be saved (perhaps with warnings). */
  canSave: boolean;
  hints: RecognitionHint[];
}

// Praise and thanks, which say how the giver feels but not what happened.
const PRAISE =
  /\b(great|good|nice|awesome|amazing|brilliant|fantastic|excellent|superb|incredible|outstanding|stellar|wonderful|terrific|fabulous|super|cool|wow|bravo|kudos|congrats|congratulations|props|legend|legends|legendary|rockstar|rock\s*star|hero|heroes|superstar|star|champion|mvp|genius|best|rock|rocks|rocked|thanks|thank|thx|ty|cheers|ta|appreciated|appreciate|grateful|shout\s*-?\s*out|well\s+done|keep\s+it\s+up|love|loved|top|killer)\b/gi;

// Words that carry no act on their own; left over with praise, the text still names nothing.
const FILLER = new Set(
  (
    "a an and the of for to in on at with as so such very really truly just again always ever all " +
    "you your you're youre yours u ur we us our me my i it its it's this that these those is was are were be been " +
    "job work effort efforts help helping support everything anything something much lot lots stuff " +
    "guys team folks everyone everybody man mate dude buddy today yesterday week once more one " +
    "doing done did do does being having had have has day time times"
  ).split(" "),
);

// Vague words: real, but no one could picture the act from them.
const VAGUE =
  /\b(everything|all\s+the\s+things|stuff|things|whatever|as\s+usual|as\s+always|above\s+and\s+beyond|the\s+extra\s+mile|extra\s+mile|going\s+the\s+extra|hard\s+work|hard\s+working|hardworking|dedication|attitude)\b/gi;

// Who the customer was: a word for a customer, or a name (a capitalised word that is not a sentence starter).
const CUSTOMER_WORD =
  /\b(customer|customers|client|clients|user|users|account|accounts|buyer|buyers|caller|callers|guest|guests|patient|patients|subscriber|subscribers|merchant|merchants|tenant|tenants|shopper|shoppers|retailer|retailers|partner|partners|agency|manufacturer|hospital|school|council|shop|store)\b/i;
const CAPITALISED = /\b[A-Z][\w'&-]*\b/g;
// Capitalised words that start sentences rather than name anyone.
const STARTERS = new Set(
  (
    "The They Their Them It Its We Our Us I He She His Her You Your A An This That These Those There Then " +
    "No None Nobody Every Everyone Each All Now So And But After Before When While Since Support Team Sales"
  ).split(" "),
);
// A verb or adverb opening the sentence ("Reopened tickets fell") is not a name either.
const namesSomeone = (text: string) =>
  (text.match(CAPITALISED) ?? []).some((w) => !STARTERS.has(w) && !/(ed|ing|ly)$/.test(w));

// What changed for them: a verb of outcome, a comparison, a number, a time.
const CHANGE =
  /\b(now|no\s+longer|not|no|none|never|again|instead|stopped|started|could|can|was\s+able|were\s+able|got|received|renewed|stayed|kept|saved|avoided|resolved|fixed|solved|found|fell|rose|dropped|cut|back|within|before|after|same\s+day|fewer|less|more|faster|sooner|earlier|knew|heard|said|told|asked|thanked|replied|wrote|moved|upgraded|signed|bought|chose|reopened|closed|finished|launched|shipped|went\s+live)\b|\d/i;

const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f]/gu;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => m[0].trim());
}

/**
 * The words left when praise, thanks, filler and emoji are taken out: what the text says happened.
 * Exported for the tests, which show what each cited example is reduced to.
 */
export function contentWords(text: string): string[] {
  const stripped = text.replace(EMOJI, " ").replace(new RegExp(PRAISE.source, PRAISE.flags), " ");
  return words(stripped).filter((w) => !FILLER.has(w) && !/^\d+$/.test(w));
}

/** Fewer content words than this is not yet an act (nor an effect): "Fixed it" names nothing. */
export const MIN_CONTENT_WORDS = 2;
/** An act shorter than this (in words) is hard to picture: a nudge, never a refusal. */
export const SHORT_ACT_WORDS = 6;

const EMPTY: Record<RecognitionField, { message: string; suggestion: string }> = {
  act: {
    message: "What did they do? Name the act.",
    suggestion:
      "Say who did what, with what, and when, e.g. 'Mia called the customer to confirm the fix before closing the ticket'.",
  },
  customerEffect: {
    message: "What changed for the customer? Name the customer and the effect.",
    suggestion:
      "Say which customer and what changed for them, e.g. 'Acme found a second failing file on the call; it was fixed the same day'.",
  },
};

function praiseOnly(field: RecognitionField, value: string): RecognitionHint {
  const praise = matches(value, PRAISE);
  const emoji = value.match(EMOJI)?.length ? ["emoji"] : [];
  const said = praise.length || emoji.length;
  return {
    field,
    kind: "praise-only",
    words: praise.length ? praise : emoji.length ? [value.trim()] : [value.trim()],
    message: said
      ? field === "act"
        ? "Thanks and praise say how you feel, not what they did."
        : "Praise is not an effect on a customer."
      : field === "act"
        ? "Too little to picture the act."
        : "Too little to tell what changed for the customer.",
    suggestion: EMPTY[field].suggestion,
    blocking: true,
  };
}

function checkField(field: RecognitionField, raw: string | undefined): RecognitionHint[] {
  const value = (raw ?? "").trim();
  if (!value) return [{ field, kind: "empty", words: [], ...EMPTY[field], blocking: true }];
  if (contentWords(value).length < MIN_CONTENT_WORDS) return [praiseOnly(field, value)];
  const hints: RecognitionHint[] = [];
  const vague = matches(value, VAGUE);
  if (vague.length)
    hints.push({
      field,
      kind: "vague",
      words: vague,
      message: `'${vague[0]}' cannot be pictured: which act do you mean?`,
      suggestion: "Name one moment: the call, the ticket, the message, the fix.",
      blocking: false,
    });
  if (field === "act" && words(value).length < SHORT_ACT_WORDS)
    hints.push({
      field,
      kind: "too-short",
      words: [],
      message: "Could a colleague picture the act from this?",
      suggestion:
        "Add what they did it with and when: the ticket, the call, the release notes; before closing, within the hour.",
      blocking: false,
    });
  if (field === "customerEffect") {
    if (!CUSTOMER_WORD.test(value) && !namesSomeone(value))
      hints.push({
        field,
        kind: "no-customer",
        words: [],
        message: "Which customer? Name them or their kind.",
        suggestion: "e.g. 'the logistics customer', 'Acme's finance team', 'retail customers'.",
        blocking: false,
      });
    if (!CHANGE.test(value))
      hints.push({
        field,
        kind: "no-change",
        words: [],
        message: "What changed for them?",
        suggestion:
          "Say what they could do, stopped worrying about, or got sooner: 'renewed', 'no longer chased us', 'fixed the same day'.",
        blocking: false,
      });
  }
  return hints;
}

export function specificityCheck(text: { act?: string; customerEffect?: string }): SpecificityResult {
  const hints = [...checkField("act", text.act), ...checkField("customerEffect", text.customerEffect)];
  return { specific: hints.length === 0, canSave: hints.every((h) => !h.blocking), hints };
}

/** The first blocking hint of each field, as the field errors the server returns. */
export function blockingErrors(text: {
  act?: string;
  customerEffect?: string;
}): Partial<Record<RecognitionField, string>> {
  const out: Partial<Record<RecognitionField, string>> = {};
  for (const h of specificityCheck(text).hints)
    if (h.blocking && !out[h.field]) out[h.field] = `${h.message} ${h.suggestion}`;
  return out;
}

// ——— Who may remove a recognition

/** The giver may take back their own recognition this long after giving it (a typo, the wrong person). */
export const UNDO_WINDOW_MINUTES = 60;

export function withinUndoWindow(createdAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - createdAt.getTime() <= UNDO_WINDOW_MINUTES * 60_000;
}

// ——— Analytics: small-group protection

/**
 * A team breakdown is shown only for teams the organisation's minimum group size lets show (group-size.ts,
 * docs/decisions/039), so that "1 recognition received" cannot be read as one named person's.
 */
export type TeamFigures<T> = { teamId: string; name: string; people: number } & (
  { hidden: true; reason: SuppressionReason } | ({ hidden: false } & T)
);

/** Hides the figures of the teams `suppressed` names: their rows keep only the name, size and why. */
export function protectTeams<T extends object>(
  rows: readonly ({ teamId: string; name: string; people: number } & T)[],
  suppressed: ReadonlyMap<string, SuppressionReason>,
): TeamFigures<T>[] {
  return rows.map((r) => {
    const reason = suppressed.get(r.teamId);
    if (!reason) return { ...r, hidden: false as const };
    return { teamId: r.teamId, name: r.name, people: r.people, hidden: true as const, reason } as TeamFigures<T>;
  });
}

/** The share of people, 0–1, or null with nobody to share among. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

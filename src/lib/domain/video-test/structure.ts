// Structural checks: they look at a part's shape (its main verb, its head noun, its subject)
// rather than at phrases. Each returns the token range it objects to, or null.
import {
  ACTOR_BOUNDARY,
  ADVERBS,
  COPULAS,
  CRITERION_VERBS,
  DIFFUSE_WORDS,
  EVIDENCE_PARTICIPLES,
  GENERIC_NOUNS,
  KEEP_ADJECTIVES,
  LABEL_ENDINGS,
  LABEL_HEADS,
  NOT_A_STATE,
  PERSON_SUBJECTS,
  TIME_ANCHORS,
  VAGUE_DONE,
  VAGUE_SUBJECTS,
} from "./rules";
import { isWord, QUOTE, type Token } from "./tokens";

export type Range = [number, number];

const complementAt = (tokens: Token[], i: number): number => {
  while (tokens[i] && ADVERBS.has(tokens[i]!.w)) i++;
  return i;
};
// "is posting" is an act in progress; after a bare "be" ("be welcoming") the -ing word is an adjective.
const isStateWord = (t: Token | undefined, afterBe = false) =>
  isWord(t) &&
  !NOT_A_STATE.has(t!.w) &&
  !/^\d/.test(t!.w) &&
  (afterBe || !t!.w.endsWith("ing")) &&
  !t!.w.endsWith("'s");

/** The main verb is a linking verb with an adjective: "is approachable", "stays curious", "keeps calm". */
export function stateRange(tokens: Token[]): Range | null {
  const v = complementAt(tokens, 0);
  const verb = tokens[v];
  if (!isWord(verb)) return null;
  const c = complementAt(tokens, v + 1);
  const comp = tokens[c];
  if (COPULAS.has(verb!.w) && isStateWord(comp, verb!.w === "be")) return [v, c + 1];
  if (/^keep(s|ing)?$|^kept$/.test(verb!.w) && comp && KEEP_ADJECTIVES.has(comp.w)) return [v, c + 1];
  return null;
}

/** Label compounds the phrase rules cannot list: any head with any ending, hyphenated, spaced or run together. */
export function labelRanges(tokens: Token[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    if (!isWord(a)) continue;
    const b = tokens[i + 1];
    if (LABEL_HEADS.has(a.w) && isWord(b) && LABEL_ENDINGS.has(b!.w)) {
      // "calls the customer first, then …": an unhyphenated 'first' followed by more of the sentence is an order.
      const after = tokens[i + 2];
      if (b!.w === "first" && !b!.joined && after && (!isWord(after) || /^(then|thing|time|and)$/.test(after.w)))
        continue;
      out.push([i, i + 2]);
      i++;
      continue;
    }
    for (const h of LABEL_HEADS)
      if (a.w.length > h.length && a.w.startsWith(h) && LABEL_ENDINGS.has(a.w.slice(h.length))) {
        out.push([i, i + 1]);
        break;
      }
  }
  return out;
}

/** The actor is everyone and so no one: "each and every employee", "anybody on the floor", "our people". */
export function diffuseActor(tokens: Token[]): boolean {
  const words = tokens.filter(isWord).map((t) => t.w);
  if (words.length === 0) return false;
  if (DIFFUSE_WORDS.has(words[0]!) || words.includes("whoever")) return true;
  let end = words.findIndex((w, i) => i > 0 && ACTOR_BOUNDARY.has(w));
  if (end < 0) end = words.length;
  const head = words[end - 1]!;
  if (!GENERIC_NOUNS.has(head)) return false;
  // "The person who took the call" names one person; "the business" or "every employee" does not.
  const restricted = words[0] === "the" && /^(who|that)$/.test(words[end] ?? "") && !/s$/.test(head);
  return !restricted;
}

/** A completion criterion that is a feeling or a vague 'done' rather than evidence. */
export function weakEvidence(tokens: Token[]): Range | null {
  const v = tokens.findIndex((t) => CRITERION_VERBS.has(t.w));
  if (v <= 0) return null;
  const subject = tokens[v - 1]!;
  const c = complementAt(tokens, v + 1);
  const comp = tokens[c];
  if (!isWord(comp) || comp!.w === QUOTE) return null;
  if (PERSON_SUBJECTS.has(subject.w) && isStateWord(comp) && !EVIDENCE_PARTICIPLES.has(comp!.w)) return [v - 1, c + 1];
  if (VAGUE_SUBJECTS.has(subject.w) && VAGUE_DONE.has(comp!.w)) return [v - 1, c + 1];
  return null;
}

/** A frequency with no number and no named moment: "usually", "most days". */
export function unanchoredFrequency(tokens: Token[]): boolean {
  return !tokens.some((t) => t.w === QUOTE || /\d/.test(t.w) || TIME_ANCHORS.has(t.w));
}

const SPEECH_VERBS = /^(ask|asks|asked|asking|tell|tells|told|telling|say|says|said|saying)$/;
const WH = new Set("what why how whether if which when where who".split(" "));

/** Indirect questions are what someone says: "asks the user what they were trying to do". */
export function reportedSpeech(tokens: Token[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!SPEECH_VERBS.test(tokens[i]!.w)) continue;
    const wh = tokens.findIndex((t, j) => j > i && j <= i + 4 && WH.has(t.w));
    if (wh < 0) continue;
    let end = wh + 1;
    while (end < tokens.length && isWord(tokens[end]) && !/^(and|then|but)$/.test(tokens[end]!.w)) end++;
    out.push([wh, end]);
    i = end;
  }
  return out;
}

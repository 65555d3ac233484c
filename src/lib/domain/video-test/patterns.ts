// A tiny phrase language for the rules, so they read as data rather than regular expressions:
//   words separated by spaces; "a|b" alternatives; "~go" every form of a verb; "x?" optional;
//   "_" any one word; "_*" up to three words. Hyphens in a pattern are spaces ("world-class").
// A written compound matches too: "userdriven" matches "user driven". Matches never cross
// punctuation or a quoted span.
import { isWord, verbForms, type Token } from "./tokens";

type Step = { kind: "word"; alts: Set<string>; optional: boolean } | { kind: "any"; min: number; max: number };

export interface Pattern {
  steps: Step[];
  /** Words the match can start with (undefined: a pattern starting with a wildcard, tried everywhere). */
  first?: Set<string>;
  /** Also try a written compound of the first two words ("userdriven"). */
  compound: boolean;
}

function wordStep(spec: string): Step {
  const optional = spec.endsWith("?");
  const body = optional ? spec.slice(0, -1) : spec;
  const alts = new Set<string>();
  for (const alt of body.split("|"))
    if (alt.startsWith("~")) for (const f of verbForms(alt.slice(1))) alts.add(f);
    else alts.add(alt);
  return { kind: "word", alts, optional };
}

export function compile(source: string, compound = false): Pattern {
  const steps: Step[] = source
    .toLowerCase()
    .replace(/-/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((s) =>
      s === "_" ? { kind: "any", min: 1, max: 1 } : s === "_*" ? { kind: "any", min: 0, max: 3 } : wordStep(s),
    );
  const head = steps[0];
  return { steps, first: head?.kind === "word" && !head.optional ? head.alts : undefined, compound };
}

/** End index (exclusive) of the longest match of `p` starting at token `i`, or -1. */
export function matchAt(p: Pattern, tokens: Token[], i: number): number {
  const go = (s: number, t: number): number => {
    if (s === p.steps.length) return t;
    const step = p.steps[s]!;
    if (step.kind === "any") {
      let best = -1;
      for (let n = step.min; n <= step.max; n++) {
        if (n > 0 && !isWord(tokens[t + n - 1])) break;
        best = Math.max(best, go(s + 1, t + n));
      }
      return best;
    }
    const tok = tokens[t];
    let best = step.optional ? go(s + 1, t) : -1;
    if (!isWord(tok)) return best;
    if (step.alts.has(tok!.w)) best = Math.max(best, go(s + 1, t + 1));
    // One written compound for two pattern words: "customercentric", "userdriven".
    const next = p.steps[s + 1];
    if (p.compound && next?.kind === "word")
      for (const a of step.alts)
        if (tok!.w.length > a.length && tok!.w.startsWith(a) && next.alts.has(tok!.w.slice(a.length)))
          best = Math.max(best, go(s + 2, t + 1));
    return best;
  };
  return go(0, i);
}

/** Every non-overlapping match, left to right, as [start, end) token ranges. */
export function findAll(patterns: Pattern[], tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < tokens.length;) {
    let end = -1;
    const tok = tokens[i]!;
    for (const p of patterns) {
      if (p.first && !p.first.has(tok.w) && !(p.compound && startsWithAny(tok.w, p.first))) continue;
      end = Math.max(end, matchAt(p, tokens, i));
    }
    if (end > i) {
      out.push([i, end]);
      i = end;
    } else i++;
  }
  return out;
}

function startsWithAny(w: string, set: Set<string>): boolean {
  for (const a of set) if (w.length > a.length && w.startsWith(a)) return true;
  return false;
}

// Tokens for the video test. What someone says, sends, reads out, fills in or ticks is quoted, and
// quoting is a filmable act whatever the words inside: quoted spans become one QUOTE token, so no
// rule ever looks inside them. Hyphens and case are normalised away ("Client-Led" = "client led").

export const QUOTE = "\u0000quote";

export interface Token {
  /** Lower-case word, a punctuation mark, or QUOTE. */
  w: string;
  start: number;
  end: number;
  /** Written straight after a hyphen ("customer-first": true for "first"). */
  joined: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrOpen = (c: string | undefined) => c === undefined || /[\s([{\-–—:/]/u.test(c);

/** [start, end) of each closed quoted span: '…', "…", ‘…’, “…”. An apostrophe inside a word is not a quote. */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    let close = -1;
    if (c === "“") close = text.indexOf("”", i + 1);
    else if (c === '"') close = text.indexOf('"', i + 1);
    else if ((c === "'" || c === "‘") && isSpaceOrOpen(text[i - 1]) && text[i + 1] && !/\s/.test(text[i + 1]!)) {
      // The closing mark is one not followed by a letter (so "don't" inside the quote is skipped).
      for (let j = i + 1; j < text.length; j++) {
        const d = text[j];
        if ((d === "'" || d === "’") && !isWordChar(text[j + 1]) && !/\s/.test(text[j - 1]!)) {
          close = j;
          break;
        }
      }
    }
    if (close > i) {
      spans.push([i, close + 1]);
      i = close + 1;
    } else i++;
  }
  return spans;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,.;:!?()&%#]/gu;

export function tokenise(text: string): Token[] {
  const spans = quotedSpans(text);
  const tokens: Token[] = [];
  let s = 0;
  const pushWords = (from: number, to: number) => {
    for (const m of text.slice(from, to).matchAll(WORD)) {
      const start = from + m.index;
      tokens.push({
        w: m[0].toLowerCase().replace(/’/g, "'"),
        start,
        end: start + m[0].length,
        joined: text[start - 1] === "-" && isWordChar(text[start - 2]),
      });
    }
  };
  let from = 0;
  for (; s < spans.length; s++) {
    const [a, b] = spans[s]!;
    pushWords(from, a);
    tokens.push({ w: QUOTE, start: a, end: b, joined: false });
    from = b;
  }
  pushWords(from, text.length);
  return tokens;
}

export const isWord = (t: Token | undefined) => t !== undefined && t.w !== QUOTE && /^[\p{L}\p{N}]/u.test(t.w);

const IRREGULAR: Record<string, string[]> = {
  be: ["is", "are", "am", "was", "were", "been", "being"],
  have: ["has", "had", "having"],
  go: ["goes", "going", "went", "gone"],
  keep: ["kept"],
  take: ["took", "taken"],
  make: ["made"],
  win: ["won"],
  build: ["built"],
  think: ["thought"],
  feel: ["felt"],
  know: ["knew"],
  leave: ["left"],
  bring: ["brought"],
  grow: ["grew", "grown"],
  drive: ["drove", "driven"],
  understand: ["understood"],
  buy: ["bought"],
  pay: ["paid"],
  wear: ["wore", "worn"],
  seek: ["sought"],
  set: ["sets", "setting"],
  put: ["puts", "putting"],
  cut: ["cuts", "cutting"],
  bear: ["bore", "borne"],
};

/** Word forms of a verb, generously: over-generating forms nobody writes costs nothing. */
export function verbForms(v: string): string[] {
  const out = new Set([v, ...(IRREGULAR[v] ?? [])]);
  if (v.endsWith("e")) {
    out
      .add(`${v}s`)
      .add(`${v}d`)
      .add(`${v.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(v)) {
    out
      .add(`${v.slice(0, -1)}ies`)
      .add(`${v.slice(0, -1)}ied`)
      .add(`${v}ing`);
  } else {
    out
      .add(/(s|sh|ch|x|z)$/.test(v) ? `${v}es` : `${v}s`)
      .add(`${v}ed`)
      .add(`${v}ing`);
    // Doubled final consonant: cut → cutting, instil → instilled.
    if (/[^aeiou][aeiou][^aeiouwxy]$/.test(v)) out.add(`${v}${v.at(-1)}ed`).add(`${v}${v.at(-1)}ing`);
  }
  return [...out];
}

// "What got in the way?" on missed observations (issue 18 §2): grouping the "something else" texts
// members write, and the share of missed entries citing each barrier. Pure.

/** Words that carry no content in a short complaint: grouping looks only at the rest. */
const STOP_WORDS = new Set(
  (
    "a an the and or but if then so to of in on at by for with from into onto about as is are was were be been " +
    "being am it its it's this that these those there here i me my we us our you your he she they them their " +
    "his her not no nor too very just again also only still even ever all any some each every more most much " +
    "many can could would should will shall may might must do does did done doing have has had having get got " +
    "gets getting what when where which who why how than because while until up down out off over under"
  ).split(" "),
);

/** Lower case, accents and punctuation off, whitespace collapsed: "Laptop  froze!" → "laptop froze". */
export function normaliseNote(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A crude stem, enough to bring "crashes", "crashed" and "crashing" together: plurals and the
 * common verb endings off, for words long enough to keep a root of three letters.
 */
export function stem(word: string): string {
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      const root = word.slice(0, -suffix.length);
      // "stopped" → "stopp" → "stop"
      return root.length >= 4 && root.at(-1) === root.at(-2) ? root.slice(0, -1) : root;
    }
  }
  return word;
}

/** The set of content words of a text (stemmed, stop words and single letters out). */
export function contentWords(text: string): Set<string> {
  const words = normaliseNote(text)
    .split(" ")
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return new Set(words.map(stem));
}

/** |A ∩ B| / |A ∪ B|; two empty sets count as identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Two texts this similar (or more) on their content words are the same complaint. */
export const SIMILARITY = 0.34;

export interface NoteGroup<T> {
  items: T[];
  /** Content words shared by at least half the group, most frequent first: a title to start from. */
  keywords: string[];
}

/**
 * Groups texts by single linkage: a text joins every group holding a text at least `threshold`
 * similar to it (Jaccard on content words), merging those groups. Groups come largest first, then
 * by their newest item (the input order: pass newest first); items keep the input order.
 */
export function groupNotes<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  threshold: number = SIMILARITY,
): NoteGroup<T>[] {
  const words = items.map((i) => contentWords(textOf(i)));
  // Union-find over item indexes.
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++)
    for (let j = 0; j < i; j++) {
      // A text with no content word ("???") stays alone rather than matching every other empty one.
      if (words[i]!.size === 0 || words[j]!.size === 0) continue;
      if (jaccard(words[i]!, words[j]!) >= threshold) parent[find(i)] = find(j);
    }
  const byRoot = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    byRoot.set(r, [...(byRoot.get(r) ?? []), i]);
  });
  return [...byRoot.values()]
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((indexes) => ({ items: indexes.map((i) => items[i]!), keywords: keywordsOf(indexes.map((i) => words[i]!)) }));
}

function keywordsOf(sets: Set<string>[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sets) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n * 2 >= sets.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([w]) => w);
}

/** A barrier's title proposed from a group: its shortest text (usually the plainest), cut to fit. */
export function suggestTitle(texts: readonly string[], max = 120): string {
  const shortest = [...texts].map((t) => t.trim()).sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? "";
  const title = shortest.charAt(0).toUpperCase() + shortest.slice(1);
  return title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title;
}

export interface CitationShare {
  barrierId: string | null;
  /** Missed entries citing it (null: "something else" or nothing cited). */
  cited: number;
  /** cited / missed entries of the behaviour in the team, 0–1. */
  share: number;
}

/**
 * For one behaviour in one team: of its missed entries, the share citing each barrier, highest
 * first. Entries that cite nothing are the remainder (1 − Σ shares); a team with no missed entry
 * has no shares.
 */
export function citationShares(
  missedEntries: number,
  citations: readonly { barrierId: string; cited: number }[],
): CitationShare[] {
  if (missedEntries < 0 || !Number.isInteger(missedEntries)) throw new RangeError("missed entries: a count");
  const total = citations.reduce((s, c) => s + c.cited, 0);
  if (total > missedEntries) throw new RangeError("more citations than missed entries");
  if (missedEntries === 0) return [];
  return [...citations]
    .filter((c) => c.cited > 0)
    .sort((a, b) => b.cited - a.cited || a.barrierId.localeCompare(b.barrierId))
    .map((c) => ({ barrierId: c.barrierId, cited: c.cited, share: c.cited / missedEntries }));
}

/** The longest "something else" a member may write on a missed entry. */
export const NOTE_MAX = 200;

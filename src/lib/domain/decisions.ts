// Decisions with behavioural anchors: every decision answers the organisation's anchor questions,
// and one with an unanswered question is only a draft (issue 16). Pure.

/** The questions an organisation starts with; admins edit the list. */
export const DEFAULT_ANCHOR_QUESTIONS = [
  "How does this improve customer outcomes?",
  "What trade-offs are we making, and how do they affect the customer experience?",
] as const;

/** Decided only when every anchor question has an answer; otherwise it stays a draft. */
export function decisionStatus(answers: readonly string[]): "DRAFT" | "DECIDED" {
  return answers.length > 0 && answers.every((a) => a.trim().length > 0) ? "DECIDED" : "DRAFT";
}

/** The positions (0-based) of the questions still unanswered. */
export function unansweredPositions(answers: readonly string[]): number[] {
  return answers.flatMap((a, i) => (a.trim().length === 0 ? [i] : []));
}

export const MAX_ANCHOR_QUESTIONS = 10;

/**
 * The anchor question list as an admin saves it, checked: at least one question, no two alike
 * (ignoring case and spaces). Returns the problem, or null.
 */
export function anchorListProblem(texts: readonly string[]): string | null {
  if (texts.length === 0) return "Keep at least one anchor question: every decision answers it.";
  if (texts.length > MAX_ANCHOR_QUESTIONS) return `Use at most ${MAX_ANCHOR_QUESTIONS} anchor questions.`;
  const seen = new Set<string>();
  for (const t of texts) {
    const key = t.trim().replace(/\s+/g, " ").toLowerCase();
    if (seen.has(key)) return `“${t.trim()}” is in the list twice.`;
    seen.add(key);
  }
  return null;
}

/**
 * A fingerprint of the question list an editor loaded (ids, order, wording): saving on top of a list
 * another admin changed meanwhile is a conflict, not a silent overwrite. FNV-1a, 32 bits, hex.
 */
export function anchorListStamp(questions: readonly { id: string | null; text: string }[]): string {
  let h = 0x811c9dc5;
  const s = questions.map((q) => `${q.id ?? "default"}\u0001${q.text}`).join("\u0002");
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

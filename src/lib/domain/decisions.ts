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

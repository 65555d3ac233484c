// The analysis: tokenise each part (quoted spans out), run the phrase rules, then the structural
// checks, never reporting the same words twice. Rules are compiled once at load.
import type { VideoTestText } from "../behaviour";
import { compile, findAll, type Pattern } from "./patterns";
import { LABEL, NON_EVIDENCE_NOUNS, PHRASE_RULES, type PhraseRule } from "./rules";
import {
  diffuseActor,
  labelRanges,
  reportedSpeech,
  stateRange,
  unanchoredFrequency,
  weakEvidence,
  type Range,
} from "./structure";
import { tokenise, type Token } from "./tokens";
import type { CheckedField, Finding, FindingKind, VideoTestResult, VideoTestTermText } from "./types";

const COMPILED = PHRASE_RULES.map((r) => ({ rule: r, patterns: r.phrases.map((p) => compile(p)) }));
const NON_EVIDENCE = NON_EVIDENCE_NOUNS.map((p) => compile(p));

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

export const FIELDS: CheckedField[] = ["title", "actor", "action", "trigger", "frequency", "completionCriterion"];

/** An organisation's terms, compiled; matching ignores case, hyphens and spacing. */
export interface CompiledTerms {
  terms: { pattern: Pattern; term: string; suggestion: string }[];
}

export function compileTerms(terms: readonly VideoTestTermText[] = []): CompiledTerms {
  return {
    terms: terms
      .filter((t) => t.term.trim())
      .map((t) => ({
        // Each written word is a step, and a compound ("customerobsessed") matches the spaced form.
        pattern: compileTerm(t.term),
        term: t.term.trim(),
        suggestion: t.suggestion?.trim() || "Replace it with the act it stands for, and the evidence it leaves.",
      })),
  };
}

function compileTerm(term: string): Pattern {
  const words = tokenise(term.replace(/['"“”‘’]/g, " ")).filter((t) => /^[\p{L}\p{N}]/u.test(t.w));
  return compile(words.map((w) => w.w).join(" ") || term, true);
}

class FieldCheck {
  private covered: boolean[];
  readonly findings: Finding[] = [];
  constructor(
    readonly field: CheckedField,
    readonly text: string,
    readonly tokens: Token[],
  ) {
    this.covered = tokens.map(() => false);
    for (const [a, b] of reportedSpeech(tokens)) for (let i = a; i < b; i++) this.covered[i] = true;
  }
  private words(r: Range) {
    return this.text.slice(this.tokens[r[0]]!.start, this.tokens[r[1] - 1]!.end);
  }
  /** One finding per range not yet reported: the same words are never flagged twice. */
  report(kind: FindingKind, ranges: Range[], message: string, suggestion: string) {
    for (const [a, b] of ranges) {
      if (this.covered.slice(a, b).some(Boolean)) continue;
      for (let i = a; i < b; i++) this.covered[i] = true;
      this.findings.push({ field: this.field, kind, words: [this.words([a, b])], message, suggestion });
    }
  }
}

function applies(rule: PhraseRule, field: CheckedField) {
  return !rule.fields || rule.fields.includes(field);
}

export function analyse(text: VideoTestText, terms: CompiledTerms = { terms: [] }): VideoTestResult {
  const findings: Finding[] = [];
  for (const field of FIELDS) {
    const value = (text[field] ?? "").trim();
    if (!value) {
      if (field !== "title") findings.push({ field, kind: "missing", words: [], ...MISSING[field] });
      continue;
    }
    const f = new FieldCheck(field, value, tokenise(value));
    for (const t of terms.terms)
      f.report(
        "org-term",
        findAll([t.pattern], f.tokens),
        `'${t.term}' is on your organisation's list of vague words.`,
        t.suggestion,
      );
    for (const { rule, patterns } of COMPILED)
      if (applies(rule, field)) f.report(rule.kind, findAll(patterns, f.tokens), rule.message, rule.suggestion);
    f.report("label", labelRanges(f.tokens), LABEL.message, LABEL.suggestion);
    if (field === "action" || field === "title") {
      const state = stateRange(f.tokens);
      if (state)
        f.report(
          "state",
          [state],
          "A state, not an act: nobody can film someone being it.",
          "Start with an action verb the camera can see: writes, posts, calls, shows, asks, records.",
        );
    }
    if (field === "actor" && diffuseActor(f.tokens))
      f.report(
        "diffuse-actor",
        [[0, f.tokens.length]],
        `'${value}' is everyone and so no one.`,
        "Name the role or team that does it, e.g. 'The support triage lead'.",
      );
    if (field === "completionCriterion") {
      const weak = weakEvidence(f.tokens);
      const ranges = [...(weak ? [weak] : []), ...findAll(NON_EVIDENCE, f.tokens)];
      f.report(
        "weak-evidence",
        ranges,
        "A feeling or a vague 'done' is not evidence: what would an outsider see?",
        "Name the trace it leaves, e.g. 'The customer's reply confirming the fix is on the ticket'.",
      );
    }
    if (field === "frequency" && !f.findings.some((x) => x.kind === "vague-frequency") && unanchoredFrequency(f.tokens))
      f.report(
        "vague-frequency",
        [[0, f.tokens.length]],
        "No number or moment: nobody can check whether it happened often enough.",
        "Use a number or a moment: 'within 24 hours', 'every sprint review', 'before the release is approved'.",
      );
    findings.push(...f.findings);
  }
  return { passes: findings.length === 0, findings };
}

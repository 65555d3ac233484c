import type { VideoTestText } from "../behaviour";

export type CheckedField = keyof VideoTestText;

export type FindingKind =
  | "unobservable"
  | "idiom"
  | "state"
  | "outcome"
  | "influence"
  | "label"
  | "vague-frequency"
  | "diffuse-actor"
  | "weak-evidence"
  | "org-term"
  | "missing";

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

/** An organisation's own vague word or jargon, as plain strings (safe to hand to the browser). */
export interface VideoTestTermText {
  term: string;
  suggestion?: string | null;
}

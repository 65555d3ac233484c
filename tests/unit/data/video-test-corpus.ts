// The labelled corpus for the automatic video test. Each case overrides some parts of a plain,
// filmable behaviour (BASE) and says whether the result should fail the test. See the two lists
// for how the cases were written.
import type { VideoTestText } from "@/lib/domain/behaviour";
import { FAILING } from "./video-test-corpus-fails";
import { PASSING } from "./video-test-corpus-passes";

export const CATEGORIES = [
  "idiom",
  "state",
  "outcome",
  "influence",
  "label",
  "vague-timing",
  "diffuse-actor",
  "weak-evidence",
  "inner-state",
  "quoted",
  "plain",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CorpusCase {
  category: Category;
  /** true when the behaviour should fail the video test (the positive class). */
  fails: boolean;
  parts: Partial<VideoTestText>;
}

export const BASE: Required<VideoTestText> = {
  title: "Fix summary on the ticket",
  actor: "The support agent",
  action: "posts the fix summary on the ticket",
  trigger: "When a customer reports a defect",
  frequency: "within 24 hours",
  completionCriterion: "A comment headed Fix is visible on the ticket",
};

export const CORPUS: CorpusCase[] = [...FAILING, ...PASSING];

export const behaviourOf = (c: CorpusCase): VideoTestText => ({ ...BASE, ...c.parts });

import { z } from "./zod";
import { CONTROL, id, text, versionNumber } from "./text";
import type { DefinitionText } from "@/lib/domain/behaviour";

const Id = id();

export const BEHAVIOUR_LIMITS = { anchors: 6, anchor: 200 } as const;

export const BehaviourInput = z.object({
  title: text("Title", 3, 120),
  valueId: Id,
  ownerId: Id,
  actor: text("Actor", 2, 120),
  action: text("Action", 3, 300),
  trigger: text("Trigger", 3, 200),
  frequency: text("Frequency", 2, 120),
  completionCriterion: text("Completion criterion", 3, 300),
  customerOutcome: text("Customer outcome", 3, 300),
  example: text("Example", 0, 500).default(""),
  // One decision question per line in the form.
  anchors: z
    .string()
    .max(2000, "Too many anchors.")
    .default("")
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(BEHAVIOUR_LIMITS.anchor, `Keep each question under ${BEHAVIOUR_LIMITS.anchor} characters.`)
            .refine((s) => !CONTROL.test(s), "Remove control characters."),
        )
        .max(BEHAVIOUR_LIMITS.anchors, `Use at most ${BEHAVIOUR_LIMITS.anchors} questions.`),
    ),
});
export type BehaviourInput = z.infer<typeof BehaviourInput>;

export const BehaviourUpdateInput = BehaviourInput.extend({
  id: Id,
  // The version the editor started from: a save on top of someone else's is a conflict.
  version: versionNumber(),
});

import { CRITERIA, type CriterionKey } from "@/lib/domain/behaviour";

export { CRITERIA, type CriterionKey };

const YesNo = z.enum(["yes", "no"], { error: "Answer yes or no." });

export const VideoTestInput = z
  .object({
    behaviourId: Id,
    version: versionNumber(),
    camera: YesNo,
    actor: YesNo,
    moment: YesNo,
    agreement: YesNo,
    verdict: z.enum(["PASS", "FAIL"], { error: "Choose pass or fail." }),
    notes: text("Notes", 0, 1000).default(""),
  })
  .refine((v) => v.verdict === "FAIL" || CRITERIA.every((c) => v[c.key] === "yes"), {
    path: ["verdict"],
    message: "A behaviour passes only when every question is answered yes.",
  })
  .refine((v) => v.verdict === "PASS" || v.notes.length > 0, {
    path: ["notes"],
    message: "Say what would make it pass.",
  });
export type VideoTestInput = z.infer<typeof VideoTestInput>;

export const ValueInput = z.object({ name: text("Name", 3, 80), description: text("Description", 0, 300).default("") });
export type ValueInput = z.infer<typeof ValueInput>;

export const BehaviourIdInput = z.object({ behaviourId: Id });
export const RestoreVersionInput = z.object({
  behaviourId: Id,
  restore: versionNumber("Choose a version to restore."),
  version: versionNumber(),
});

/** What the editor needs to offer: the organisation's values and active members. */
export interface EditorOptionsDto {
  values: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  /** The organisation's own vague words, checked live by the video test. */
  videoTestTerms: { term: string; suggestion: string }[];
}

export interface BehaviourFormValues extends DefinitionText {
  valueId: string;
  ownerId: string;
  /** One decision question per line. */
  anchors: string;
}

export interface VideoTestDto {
  id: string;
  reviewerName: string;
  verdict: "PASS" | "FAIL";
  version: number;
  answers: Record<CriterionKey, boolean>;
  notes: string;
  createdAt: string;
}

export interface VersionDto {
  version: number;
  editorName: string;
  createdAt: string;
  changed: string[];
}

// Renders a behaviour definition as the one sentence a team can picture:
// "<trigger>, <actor> <action> <frequency>." e.g. "When a customer reports a defect, the on-call
// engineer posts the root cause and next step on the customer's ticket within 24 hours."

/**
 * A behaviour's definition, in form order: the one list every type, label and file format derives
 * from. Text fields are free text; valueId and ownerId name records; anchors is a list of questions.
 */
export const DEFINITION_FIELDS = [
  "title",
  "valueId",
  "ownerId",
  "actor",
  "action",
  "trigger",
  "frequency",
  "completionCriterion",
  "customerOutcome",
  "example",
  "anchors",
] as const;
export type DefinitionField = (typeof DEFINITION_FIELDS)[number];

/** The written parts of a behaviour's definition, shared by the editor, the page and the file formats. */
export type DefinitionText = Record<Exclude<DefinitionField, "valueId" | "ownerId" | "anchors">, string>;

/** The parts the one-sentence rendering is made of. */
export type BehaviourParts = Pick<DefinitionText, "actor" | "action" | "trigger" | "frequency">;

/** The parts the automatic video test reads (the title only where there is one). */
export type VideoTestText = BehaviourParts & Pick<DefinitionText, "completionCriterion"> & { title?: string };

const clean = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.\s]+$/, "");

function lowerFirst(s: string): string {
  // Keep acronyms and names ("QA", "Ops Team") as written; lower a plain leading article.
  return /^(The|A|An|Each|Every|Our)\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

export function behaviourSentence(parts: BehaviourParts): string {
  const trigger = clean(parts.trigger);
  const actor = clean(parts.actor);
  const action = clean(parts.action);
  const frequency = clean(parts.frequency);
  const main = [trigger ? lowerFirst(actor) : actor, action, frequency].filter(Boolean).join(" ");
  const sentence = trigger ? `${trigger}, ${main}` : main;
  return sentence ? sentence[0]!.toUpperCase() + sentence.slice(1) + "." : "";
}

export const FIELD_LABELS: Record<DefinitionField, string> = {
  title: "Title",
  valueId: "Value",
  ownerId: "Owner",
  actor: "Actor",
  action: "Action",
  trigger: "Trigger",
  frequency: "Frequency",
  completionCriterion: "Completion criterion",
  customerOutcome: "Customer outcome",
  example: "Example",
  anchors: "Decision questions",
};

export type DefinitionSnapshot = { [K in DefinitionField]?: K extends "anchors" ? string[] : string };

/** The fields that differ between two saved versions, as labels, in form order (none for the first). */
export function changedFields(before: DefinitionSnapshot | null, after: DefinitionSnapshot): string[] {
  if (!before) return [];
  return DEFINITION_FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map(
    (f) => FIELD_LABELS[f],
  );
}

/** The video test's four questions, as a reviewer answers them. */
export const CRITERIA = [
  { key: "camera", question: "Could you point a camera at it?" },
  { key: "actor", question: "Is the actor clear?" },
  { key: "moment", question: "Is the moment clear?" },
  { key: "agreement", question: "Could two observers agree it happened?" },
] as const;
export type CriterionKey = (typeof CRITERIA)[number]["key"];

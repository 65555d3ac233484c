// Renders a behaviour definition as the one sentence a team can picture:
// "<trigger>, <actor> <action> <frequency>." e.g. "When a customer reports a defect, the on-call
// engineer posts the root cause and next step on the customer's ticket within 24 hours."

export interface BehaviourParts {
  actor: string;
  action: string;
  trigger: string;
  frequency: string;
}

const clean = (s: string) => s.trim().replace(/\s+/g, " ").replace(/[.\s]+$/, "");

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

// How an audit event's target is shown: its kind in words and its name. Pure; the names themselves
// are looked up by the data layer (src/lib/server/data/audit-targets.ts).

/** Target kinds as recorded (either case: soft deletes record "behaviour", others "Behaviour"). */
export const TARGET_KINDS = {
  behaviour: "Behaviour",
  barrier: "Barrier",
  metric: "Metric",
  team: "Team",
  value: "Value",
  survey: "Survey",
  intervention: "Intervention",
  customerstory: "Customer story",
  feedback: "Customer feedback",
  observation: "Observation",
  recognition: "Recognition",
  membership: "Member",
  invitation: "Invitation",
  user: "Person",
  organization: "Organisation",
  actionitem: "Action",
  decision: "Decision",
  anchorquestion: "Anchor question",
  ritual: "Ritual",
  ritualoccurrence: "Meeting",
  webhook: "Webhook",
  webhookdelivery: "Webhook delivery",
  behaviourcue: "Cue",
  spotcheck: "Spot check",
  videotestterm: "Video-test term",
  job: "Job",
  apitoken: "API token",
  ssoconnection: "Single sign-on",
} as const;
export type TargetKind = keyof typeof TARGET_KINDS;

/** Shown when the target is gone, or was never this organisation's (the two are not told apart). */
export const DELETED_TARGET = "(deleted)";

export function targetKind(type: string | null): TargetKind | null {
  const key = type?.toLowerCase();
  return key && key in TARGET_KINDS ? (key as TargetKind) : null;
}

/** The kind in words: "Customer story"; an unknown kind is shown as recorded. */
export function targetKindLabel(type: string | null): string {
  const kind = targetKind(type);
  return kind ? TARGET_KINDS[kind] : (type ?? "");
}

export const targetKey = (kind: TargetKind, id: string) => `${kind}:${id}`;

/**
 * A name the event itself recorded (a deleted team's name is in its "team.delete" details), used
 * when the target no longer exists: it is this organisation's own event, so nothing foreign shows.
 */
export function recordedName(details: unknown): string | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  for (const key of ["name", "title", "term"]) {
    const v = d[key];
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return null;
}

/** The target's name for the trail: found, recorded in the event and marked deleted, or "(deleted)". */
export function targetName(found: string | undefined, details: unknown): string {
  if (found) return found;
  const recorded = recordedName(details);
  return recorded ? `${recorded} ${DELETED_TARGET}` : DELETED_TARGET;
}

// Human labels for the method's classifications.

export const COMB_LABELS: Record<string, string> = {
  PHYSICAL_CAPABILITY: "Physical capability",
  PSYCHOLOGICAL_CAPABILITY: "Psychological capability",
  PHYSICAL_OPPORTUNITY: "Physical opportunity",
  SOCIAL_OPPORTUNITY: "Social opportunity",
  REFLECTIVE_MOTIVATION: "Reflective motivation",
  AUTOMATIC_MOTIVATION: "Automatic motivation",
};

export const DETERMINANT_LABELS: Record<string, string> = {
  SELF_EFFICACY: "Perceived self-efficacy",
  SOCIAL_NORMS: "Perceived social norms",
  POSITIVE_CONSEQUENCES: "Perceived positive consequences",
  NEGATIVE_CONSEQUENCES: "Perceived negative consequences",
  ACCESS: "Access",
  CUES_FOR_ACTION: "Cues for action / reminders",
  SUSCEPTIBILITY: "Perceived susceptibility",
  SEVERITY: "Perceived severity",
  ACTION_EFFICACY: "Perceived action efficacy",
  DIVINE_WILL: "Perceived divine will",
  POLICY: "Policy",
  CULTURE: "Culture",
};

export const BARRIER_STATUS_LABELS: Record<string, string> = {
  IDENTIFIED: "Identified",
  INTERVENTION_PLANNED: "Intervention planned",
  IN_PROGRESS: "In progress",
  REMOVED: "Removed",
  ACCEPTED: "Accepted",
};

export const FEASIBILITY_LABELS: Record<string, string> = {
  ENABLED: "Enabled: people can do it today if they want to",
  DIFFICULT: "Difficult: possible, but something gets in the way",
  IMPOSSIBLE: "Impossible: people cannot do it today",
};

export const GROUP_LABELS: Record<string, string> = { DOER: "Doer", NON_DOER: "Non-doer", EXCLUDED: "Excluded" };

/** Pairs for a select or radio group, in the labels' order. */
export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

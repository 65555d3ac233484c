// The minimum group size (issue 21, docs/decisions/039). A figure about a group of people (a team, a value
// stream) is shown only when the group has at least the organisation's threshold of active members, so that
// no figure can be read as one named colleague's. Pure: the data layer counts the people and hands them in.
// Threshold rules are the plainest form of statistical disclosure control (Hundepool et al., "Statistical
// Disclosure Control", 2012, §5.2).

export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * The thresholds an admin may choose. 1 turns the protection off (a pilot of three people, or a works agreement
 * that allows it): the privacy page then says so plainly, and every change is a security audit event, kept.
 * Above 50 most teams would show nothing.
 */
export const MIN_GROUP_SIZE_LIMITS = { min: 1, max: 50 } as const;

/** What a suppressed figure says, on screen, in exports and in the API's reason. */
export const TOO_FEW_PEOPLE = "too few people to show";

/** Why, in one sentence, with the threshold: beside a suppressed figure and in a chart's description. */
export const tooFewPeopleReason = (threshold: number): string =>
  `Groups of fewer than ${threshold} people show no figures, so that no figure points at one person.`;

/** True when a group of `people` may show its figures under `threshold`. */
export const showsFigures = (people: number, threshold: number): boolean => threshold <= 1 || people >= threshold;

/**
 * The people behind a selection of teams: the distinct active members of those teams (someone in two of them
 * counts once). `members` maps a team to its active members' ids.
 */
export function peopleIn(teamIds: Iterable<string>, members: ReadonlyMap<string, readonly string[]>): number {
  const people = new Set<string>();
  for (const id of teamIds) for (const m of members.get(id) ?? []) people.add(m);
  return people.size;
}

/** The privacy page's and settings page's sentence about the rule. */
export function describeGroupSize(threshold: number): string {
  if (threshold <= 1)
    return "The organisation has turned the minimum group size off: every team shows its figures however small, so a small team's figures can point at one person. Adoption is still never shown per person.";
  return `A team or value stream with fewer than ${threshold} active members shows no adoption, participation, honesty counts or recognition figures, on any page, chart, CSV or PNG export, or in the API: it says "${TOO_FEW_PEOPLE}" instead. Adoption is never shown per person.`;
}

/** Why a team's figures are hidden: too few people, or to keep a smaller team's figures from being worked out. */
export type SuppressionReason = "small" | "complement";

export const SUPPRESSION_TEXT: Record<SuppressionReason, string> = {
  small: TOO_FEW_PEOPLE,
  complement: "hidden so that a smaller team's figures cannot be worked out from the total",
};

export interface GroupTeam {
  id: string;
  kind: "TEAM" | "VALUE_STREAM";
  /** The value stream a team belongs to. */
  parentId: string | null;
  /** Its active members' membership ids. */
  members: readonly string[];
}

export interface GroupProtection {
  threshold: number;
  /** Active members per team and per value stream (a stream's: the distinct people of its teams). */
  people: Map<string, number>;
  /** The teams whose figures are hidden, with why. */
  suppressed: Map<string, SuppressionReason>;
  /** Value streams with too few people for any figure of their own. */
  smallStreams: Set<string>;
  /** Each team's active members (for a figure over a chosen selection of teams). */
  members: ReadonlyMap<string, readonly string[]>;
  /** The teams of every total whose figures are shown: the organisation's first, then each large enough stream. */
  totals: readonly (readonly string[])[];
}

/**
 * Which teams show figures. A team under the threshold is hidden ("small"). Because the organisation's own
 * figures and a large enough value stream's are shown, the total minus the teams shown gives the hidden teams'
 * figures together; so whenever the people of a total's hidden teams are, together, more than none but fewer
 * than the threshold, its smallest shown team is hidden too ("complement"), repeated until every total's hidden
 * teams are nobody or enough people. Primary and secondary suppression, as in Hundepool et al., §5.2–5.4.
 */
export function protectGroups(teams: readonly GroupTeam[], threshold: number): GroupProtection {
  const people = new Map<string, number>();
  const onlyTeams = teams.filter((t) => t.kind === "TEAM");
  const membersOf = new Map(onlyTeams.map((t) => [t.id, t.members]));
  for (const t of onlyTeams) people.set(t.id, new Set(t.members).size);
  const streams = teams.filter((t) => t.kind === "VALUE_STREAM");
  const totals: string[][] = [onlyTeams.map((t) => t.id)];
  const smallStreams = new Set<string>();
  for (const s of streams) {
    const inStream = onlyTeams.filter((t) => t.parentId === s.id).map((t) => t.id);
    const n = peopleIn(inStream, membersOf);
    people.set(s.id, n);
    if (showsFigures(n, threshold)) totals.push(inStream);
    else smallStreams.add(s.id);
  }
  const suppressed = new Map<string, SuppressionReason>();
  for (const t of onlyTeams) if (!showsFigures(people.get(t.id)!, threshold)) suppressed.set(t.id, "small");
  const size = (id: string) => people.get(id) ?? 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const total of totals) {
      const hidden = peopleIn(
        total.filter((id) => suppressed.has(id)),
        membersOf,
      );
      if (hidden === 0 || showsFigures(hidden, threshold)) continue;
      const next = total.filter((id) => !suppressed.has(id)).sort((a, b) => size(a) - size(b) || a.localeCompare(b))[0];
      if (next === undefined) continue;
      suppressed.set(next, "complement");
      changed = true;
    }
  }
  return { threshold, people, suppressed, smallStreams, members: membersOf, totals };
}

/** Why a team's or value stream's own figures are hidden, or null when they are shown. */
export function hiddenBecause(p: GroupProtection, id: string): SuppressionReason | null {
  return p.suppressed.get(id) ?? (p.smallStreams.has(id) ? "small" : null);
}

/**
 * Whether a figure over a chosen selection of teams (the teams an intervention was rolled out to, or every
 * other team) may be shown, or why not. The selection needs enough people of its own ("small"), and, because
 * the teams shown and each shown total are known, its figure must not give a hidden team's away: for every
 * shown total, the hidden teams inside the selection and the hidden teams outside it must each, together, be
 * nobody or enough people ("complement"). A selection of every team is the organisation's own figure: shown.
 */
export function selectionHiddenBecause(p: GroupProtection, teamIds: Iterable<string>): SuppressionReason | null {
  if (p.threshold <= 1) return null;
  const chosen = new Set(teamIds);
  const all = p.totals[0] ?? [];
  if (all.every((id) => chosen.has(id))) return null;
  if (!showsFigures(peopleIn(chosen, p.members), p.threshold)) return "small";
  const revealing = (ids: readonly string[]) => {
    const n = peopleIn(
      ids.filter((id) => p.suppressed.has(id)),
      p.members,
    );
    return n > 0 && !showsFigures(n, p.threshold);
  };
  for (const total of p.totals) {
    if (revealing(total.filter((id) => chosen.has(id))) || revealing(total.filter((id) => !chosen.has(id))))
      return "complement";
  }
  return null;
}

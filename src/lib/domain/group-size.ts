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
  /** Value streams with no figure of their own: too few people, or hidden so a region's hidden teams stay covered. */
  hiddenStreams: Map<string, SuppressionReason>;
  /** Each team's active members (for a figure over a chosen selection of teams). */
  members: ReadonlyMap<string, readonly string[]>;
  /** Every team. */
  teams: readonly string[];
  /**
   * The regions whose totals can be worked out from the figures shown: each shown value stream, and the teams in
   * no shown stream (the organisation's total minus the shown streams'). A region's total minus its shown teams
   * gives its hidden teams together: its "block".
   */
  regions: readonly Region[];
}

export interface Region {
  /** The shown value stream, or null for the teams in none. */
  streamId: string | null;
  teams: readonly string[];
}

/** A region's hidden teams with anyone in them: together they are one figure, worked out by subtraction. */
const blockOf = (region: Region, suppressed: ReadonlyMap<string, unknown>, people: ReadonlyMap<string, number>) =>
  region.teams.filter((id) => suppressed.has(id) && (people.get(id) ?? 0) > 0);

/**
 * Which teams and value streams show figures. A team under the threshold is hidden ("small"), and so is a stream.
 * The organisation's figures are always shown, and each shown stream's; so every region's total (a shown
 * stream's, or the organisation's minus the shown streams') minus the teams shown in it gives its hidden teams'
 * figures together. Whenever a region's hidden teams are, together, more than nobody but fewer than the
 * threshold, its smallest shown team is hidden too ("complement"); when none is left to hide, the smallest shown
 * stream is hidden, so its teams join the rest. Repeated until every region's hidden teams are nobody or enough
 * people. Primary and secondary suppression, as in Hundepool et al., §5.2–5.4.
 */
export function protectGroups(teams: readonly GroupTeam[], threshold: number): GroupProtection {
  const people = new Map<string, number>();
  const onlyTeams = teams.filter((t) => t.kind === "TEAM");
  const membersOf = new Map(onlyTeams.map((t) => [t.id, t.members]));
  for (const t of onlyTeams) people.set(t.id, new Set(t.members).size);
  const streams = teams.filter((t) => t.kind === "VALUE_STREAM");
  const teamsOf = new Map(streams.map((s) => [s.id, onlyTeams.filter((t) => t.parentId === s.id).map((t) => t.id)]));
  const hiddenStreams = new Map<string, SuppressionReason>();
  for (const s of streams) {
    const n = peopleIn(teamsOf.get(s.id)!, membersOf);
    people.set(s.id, n);
    if (!showsFigures(n, threshold)) hiddenStreams.set(s.id, "small");
  }
  const suppressed = new Map<string, SuppressionReason>();
  for (const t of onlyTeams) if (!showsFigures(people.get(t.id)!, threshold)) suppressed.set(t.id, "small");
  const size = (id: string) => people.get(id) ?? 0;
  const bySize = (a: string, b: string) => size(a) - size(b) || a.localeCompare(b);
  const regionsNow = (): Region[] => {
    const shown = streams.filter((s) => !hiddenStreams.has(s.id));
    const inShown = new Set(shown.map((s) => s.id));
    return [
      ...shown.map((s) => ({ streamId: s.id, teams: teamsOf.get(s.id)! })),
      { streamId: null, teams: onlyTeams.filter((t) => !t.parentId || !inShown.has(t.parentId)).map((t) => t.id) },
    ];
  };
  let regions = regionsNow();
  for (let changed = threshold > 1; changed;) {
    changed = false;
    for (const region of regions) {
      const n = peopleIn(blockOf(region, suppressed, people), membersOf);
      if (n === 0 || showsFigures(n, threshold)) continue;
      const team = region.teams.filter((id) => !suppressed.has(id)).sort(bySize)[0];
      const stream =
        region.streamId ??
        streams
          .filter((s) => !hiddenStreams.has(s.id))
          .map((s) => s.id)
          .sort(bySize)[0];
      if (team) suppressed.set(team, "complement");
      else if (stream) hiddenStreams.set(stream, "complement");
      else continue; // Every team is hidden and no stream is shown: what is left is the organisation's own figure.
      changed = true;
      regions = regionsNow();
      break;
    }
  }
  return {
    threshold,
    people,
    suppressed,
    hiddenStreams,
    members: membersOf,
    teams: onlyTeams.map((t) => t.id),
    regions,
  };
}

/** Why a team's or value stream's own figures are hidden, or null when they are shown. */
export function hiddenBecause(p: GroupProtection, id: string): SuppressionReason | null {
  return p.suppressed.get(id) ?? p.hiddenStreams.get(id) ?? null;
}

/**
 * Whether a figure over a chosen selection of teams (the teams an intervention was rolled out to, or every other
 * team) may be shown, or why not. It needs enough people of its own ("small"), and it must hold each region's
 * hidden teams whole or not at all ("complement"): then its figure is the sum of figures already shown or worked
 * out (shown teams, whole blocks), so no number of such selections, nested or overlapping, can be differenced
 * into a hidden team's figures. A selection of every team is the organisation's own figure: shown.
 */
export function selectionHiddenBecause(p: GroupProtection, teamIds: Iterable<string>): SuppressionReason | null {
  if (p.threshold <= 1) return null;
  const chosen = new Set(teamIds);
  if (p.teams.every((id) => chosen.has(id))) return null;
  if (!showsFigures(peopleIn(chosen, p.members), p.threshold)) return "small";
  for (const region of p.regions) {
    const block = blockOf(region, p.suppressed, p.people);
    const inside = block.filter((id) => chosen.has(id)).length;
    if (inside > 0 && inside < block.length) return "complement";
  }
  return null;
}

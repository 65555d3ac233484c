// Behaviour cues: a short prompt at the moment of action, on chosen local weekdays at a local time, with a deep
// link that opens the Log pad on the behaviour (issue 17). Pure.
import { WEEKDAY_LABELS } from "./rituals";

export const CUE_MESSAGE_MAX = 280;

/** The Log pad preselecting a behaviour (and a variant's team): one tap from the cue to the log. */
export function cueLogPath(behaviourId: string, teamId?: string | null): string {
  const q = new URLSearchParams({ behaviour: behaviourId });
  if (teamId) q.set("team", teamId);
  return `/log?${q.toString()}`;
}

/** "Mondays and Thursdays at 09:00", "Every day at 08:30", "Weekdays at 09:00". */
export function describeCueSchedule(weekdays: readonly number[], localTime: string): string {
  const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (days.length === 0) return "Never";
  let when: string;
  if (days.length === 7) when = "Every day";
  else if (days.join() === "1,2,3,4,5") when = "Weekdays";
  else {
    const names = days.map((d) => `${WEEKDAY_LABELS[d - 1]}s`);
    when = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  }
  return `${when} at ${localTime}`;
}

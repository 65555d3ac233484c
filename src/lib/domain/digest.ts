// The weekly digest as data: figures in, sections out, then a plain-text and an HTML rendering of the same sections.
// A member reads about their own teams' week; a manager, leader or admin also about the organisation's (what changed,
// what waits for them). A digest with no section is not sent (issue 17: "nothing sent to a person with nothing to
// read"). Pure: no next, react or prisma.
import { formatRate } from "./adoption";
import { formatDay, type IsoDate } from "./dates";

export interface MemberFigures {
  /** Last week's counts of the behaviours the person's teams observed. */
  behaviours: { title: string; performed: number; missed: number }[];
  /** How many of the person's teams the minimum group size hides: their counts are not in `behaviours`. */
  hiddenTeams?: number;
  /** Recognitions the person (or one of their teams) received last week. */
  recognitions: { giverName: string; behaviourTitle: string; act: string; toTeam: string | null }[];
  openActions: { title: string; dueOn: IsoDate | null; overdue: boolean }[];
}

export interface ManagerFigures {
  /** Per behaviour: adoption the week before and last week (null: no observation that week). */
  adoption: { title: string; before: number | null; after: number | null }[];
  barriersNeedingDecision: { title: string; priority: number | null }[];
  metricsOffTrack: { name: string; reason: string }[];
  coverageGaps: { teamName: string; behaviourTitle: string; lastDay: IsoDate | null }[];
  overdueActions: { count: number; first: { title: string; ownerName: string; dueOn: IsoDate }[] };
}

export interface DigestInput {
  organisationName: string;
  recipientName: string;
  /** The week the digest looks back on, both ends included. */
  week: { from: IsoDate; to: IsoDate };
  member: MemberFigures | null;
  manager: ManagerFigures | null;
}

export interface DigestSection {
  id: string;
  heading: string;
  lines: string[];
  /** Where the section continues in the app (a path). */
  path: string;
}

/** A change of adoption worth a line: five percentage points or more, or a behaviour that started or stopped. */
export const ADOPTION_CHANGE = 0.05;
const MAX_LINES = 8;

const rateOf = (performed: number, missed: number) =>
  performed + missed === 0 ? null : performed / (performed + missed);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function capped(lines: string[], more: (n: number) => string): string[] {
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES), more(lines.length - MAX_LINES)];
}

export function memberSections(f: MemberFigures): DigestSection[] {
  const sections: DigestSection[] = [];
  const observed = f.behaviours.filter((b) => b.performed + b.missed > 0);
  if (observed.length > 0)
    sections.push({
      id: "adoption",
      heading: "Your teams' behaviours last week",
      lines: [
        ...capped(
          [...observed]
            .sort((a, b) => a.title.localeCompare(b.title, "en"))
            .map(
              (b) =>
                `${b.title}: ${b.performed} of ${b.performed + b.missed} performed (${formatRate(rateOf(b.performed, b.missed))})`,
            ),
          (n) => `…and ${plural(n, "more behaviour")}`,
        ),
        ...(f.hiddenTeams
          ? [`Not counted: ${plural(f.hiddenTeams, "team")} of yours whose figures are hidden to protect small groups.`]
          : []),
      ],
      path: "/log",
    });
  if (f.recognitions.length > 0)
    sections.push({
      id: "recognitions",
      heading: "Recognition you received",
      lines: capped(
        f.recognitions.map(
          (r) => `${r.giverName} thanked ${r.toTeam ? `${r.toTeam}` : "you"} for ${r.behaviourTitle}: “${r.act}”`,
        ),
        (n) => `…and ${plural(n, "more recognition")}`,
      ),
      path: "/recognition",
    });
  if (f.openActions.length > 0)
    sections.push({
      id: "my-actions",
      heading: "Your open actions",
      lines: capped(
        f.openActions.map(
          (a) => `${a.title}${a.dueOn ? ` — ${a.overdue ? "overdue since" : "due"} ${formatDay(a.dueOn)}` : ""}`,
        ),
        (n) => `…and ${plural(n, "more action")}`,
      ),
      path: "/actions?scope=mine",
    });
  return sections;
}

/**
 * The adoption changes worth a line, largest first. Points come from the rounded rates shown beside
 * them, and both the threshold and the order use those points, so the lines add up and read in order.
 */
export function adoptionChanges(rows: ManagerFigures["adoption"]): string[] {
  const pct = (rate: number) => Math.round(rate * 100);
  return rows
    .filter((r) => r.before !== null || r.after !== null)
    .map((r) => ({ ...r, points: r.before === null || r.after === null ? null : pct(r.after) - pct(r.before) }))
    .filter((r) => r.points === null || Math.abs(r.points) >= Math.round(ADOPTION_CHANGE * 100))
    .sort(
      (a, b) =>
        (b.points === null ? Infinity : Math.abs(b.points)) - (a.points === null ? Infinity : Math.abs(a.points)) ||
        a.title.localeCompare(b.title, "en"),
    )
    .map((r) => {
      if (r.before === null) return `${r.title}: ${formatRate(r.after)} (no observation the week before)`;
      if (r.after === null) return `${r.title}: not observed last week (${formatRate(r.before)} the week before)`;
      return `${r.title}: ${formatRate(r.before)} → ${formatRate(r.after)} (${r.points! > 0 ? "+" : ""}${r.points} points)`;
    });
}

export function managerSections(f: ManagerFigures): DigestSection[] {
  const sections: DigestSection[] = [];
  const changes = adoptionChanges(f.adoption);
  if (changes.length > 0)
    sections.push({
      id: "adoption-changes",
      heading: "Adoption changes",
      lines: capped(changes, (n) => `…and ${plural(n, "more change")}`),
      path: "/dashboards",
    });
  if (f.barriersNeedingDecision.length > 0)
    sections.push({
      id: "barriers",
      heading: "Barriers needing a decision",
      lines: capped(
        f.barriersNeedingDecision.map(
          (b) => `${b.title}${b.priority === null ? " (not scored yet)" : ` (priority ${b.priority})`}`,
        ),
        (n) => `…and ${plural(n, "more barrier")}`,
      ),
      path: "/barriers",
    });
  if (f.metricsOffTrack.length > 0)
    sections.push({
      id: "metrics",
      heading: "Metrics off track",
      lines: capped(
        f.metricsOffTrack.map((m) => `${m.name}: ${m.reason}`),
        (n) => `…and ${plural(n, "more metric")}`,
      ),
      path: "/metrics",
    });
  if (f.coverageGaps.length > 0)
    sections.push({
      id: "coverage",
      heading: "Coverage gaps (no observation in 14 days)",
      lines: capped(
        f.coverageGaps.map(
          (g) =>
            `${g.teamName} × ${g.behaviourTitle}${g.lastDay ? ` (last ${formatDay(g.lastDay)})` : " (never observed)"}`,
        ),
        (n) => `…and ${plural(n, "more gap")}`,
      ),
      path: "/dashboards",
    });
  if (f.overdueActions.count > 0)
    sections.push({
      id: "overdue-actions",
      heading: `Overdue actions (${f.overdueActions.count})`,
      lines: [
        ...f.overdueActions.first.map((a) => `${a.title} — ${a.ownerName}, due ${formatDay(a.dueOn)}`),
        ...(f.overdueActions.count > f.overdueActions.first.length
          ? [`…and ${f.overdueActions.count - f.overdueActions.first.length} more`]
          : []),
      ],
      path: "/actions?scope=all&overdue=1",
    });
  return sections;
}

export function digestSections(input: DigestInput): DigestSection[] {
  return [
    ...(input.member ? memberSections(input.member) : []),
    ...(input.manager ? managerSections(input.manager) : []),
  ];
}

export function digestWeekLabel(week: DigestInput["week"]): string {
  return `${formatDay(week.from)} – ${formatDay(week.to)}`;
}

export function digestSubject(input: Pick<DigestInput, "organisationName" | "week">): string {
  return `${input.organisationName}: your week in Conduct (${digestWeekLabel(input.week)})`;
}

/** One line per section for a chat message ("Adoption changes: 3"). */
export function digestChatLines(sections: DigestSection[]): string[] {
  return sections.map((s) => `${s.heading}: ${s.lines.length > 0 ? s.lines[0] : ""}`);
}

export function renderDigestText(input: DigestInput, sections: DigestSection[], url: (path: string) => string): string {
  const out = [
    `Hello ${input.recipientName},`,
    "",
    `Your week in ${input.organisationName}, ${digestWeekLabel(input.week)}.`,
  ];
  for (const s of sections) out.push("", s.heading, ...s.lines.map((l) => `- ${l}`), `  ${url(s.path)}`);
  return `${out.join("\n")}\n`;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderDigestHtml(input: DigestInput, sections: DigestSection[], url: (path: string) => string): string {
  const body = sections
    .map(
      (s) =>
        `<h2>${escape(s.heading)}</h2><ul>${s.lines.map((l) => `<li>${escape(l)}</li>`).join("")}</ul>` +
        `<p><a href="${escape(url(s.path))}">Open in Conduct</a></p>`,
    )
    .join("");
  return (
    `<!doctype html><html><body><p>Hello ${escape(input.recipientName)},</p>` +
    `<p>Your week in ${escape(input.organisationName)}, ${escape(digestWeekLabel(input.week))}.</p>${body}</body></html>`
  );
}

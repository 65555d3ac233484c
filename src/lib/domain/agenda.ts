// The live parts of a ritual's agenda: which behaviours' adoption moved most over the period, and
// the one-page agenda as Markdown. Pure.
import { MIN_OPPORTUNITIES } from "./adoption";
import { formatDay, type IsoDate } from "./dates";
import { SECTION_LABELS, type AgendaSection } from "./rituals";

export interface Counts {
  performed: number;
  missed: number;
}

export interface Change {
  key: string;
  before: number;
  after: number;
  /** Percentage points, to one decimal. */
  changePts: number;
  /** Opportunities in the period itself. */
  opportunities: number;
}

/** How many rises and falls an agenda lists: a meeting talks about a few, not all. */
export const AGENDA_CHANGES = 3;

/**
 * Adoption in the period against the period of the same length before it, per behaviour. A side
 * with fewer than MIN_OPPORTUNITIES opportunities says too little, so that behaviour is left out.
 * Rises: biggest first; falls: steepest first; no change is neither.
 */
export function adoptionChanges(
  before: ReadonlyMap<string, Counts>,
  after: ReadonlyMap<string, Counts>,
): { rises: Change[]; falls: Change[] } {
  const changes: Change[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) continue;
    const nb = b.performed + b.missed;
    const na = a.performed + a.missed;
    if (nb < MIN_OPPORTUNITIES || na < MIN_OPPORTUNITIES) continue;
    const rb = b.performed / nb;
    const ra = a.performed / na;
    changes.push({ key, before: rb, after: ra, changePts: Math.round((ra - rb) * 1000) / 10, opportunities: na });
  }
  const byKey = (x: Change, y: Change) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return {
    rises: changes.filter((c) => c.changePts > 0).sort((x, y) => y.changePts - x.changePts || byKey(x, y)),
    falls: changes.filter((c) => c.changePts < 0).sort((x, y) => x.changePts - y.changePts || byKey(x, y)),
  };
}

export interface MarkdownItem {
  section: AgendaSection;
  title: string;
  prompt: string;
  notes: string;
  /** The live lines of the section, already worded. */
  lines: string[];
}

export interface MarkdownAgenda {
  title: string;
  date: IsoDate;
  periodStart: IsoDate;
  scope: string;
  facilitator: string;
  items: MarkdownItem[];
  decisions: string[];
  actions: string[];
}

/**
 * Text people typed, made inert in Markdown: emphasis, code, links and HTML are escaped anywhere,
 * and a line that starts a block (heading, list, quote) when `lineStart`.
 */
function escape(text: string, lineStart = false): string {
  const inline = text.replace(/([\\`*_[\]<])/g, "\\$1").replace(/\r?\n/g, " ");
  return lineStart ? inline.replace(/^([#>+-]|\d+[.)])/, "\\$1") : inline;
}

/** Notes keep their lines; each line is escaped and quoted. */
function quoteBlock(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `> ${escape(l, true)}`);
}

export function agendaMarkdown(a: MarkdownAgenda): string {
  const out = [
    `# ${escape(a.title)}: ${formatDay(a.date)}`,
    "",
    `${escape(a.scope)} · facilitated by ${escape(a.facilitator)} · covers ${formatDay(a.periodStart)} to ${formatDay(a.date)}`,
    "",
  ];
  a.items.forEach((item, i) => {
    out.push(`## ${i + 1}. ${escape(item.title)}`, "");
    if (item.prompt) out.push(`_${escape(item.prompt)}_`, "");
    if (item.lines.length > 0) out.push(...item.lines.map((l) => `- ${escape(l)}`), "");
    else if (item.section !== "PROMPT" && item.section !== "CUSTOM")
      out.push(`Nothing for ${SECTION_LABELS[item.section].toLowerCase()} in this period.`, "");
    if (item.notes.trim()) out.push(...quoteBlock(item.notes), "");
  });
  out.push("## Decisions", "");
  out.push(...(a.decisions.length ? a.decisions.map((d) => `- ${escape(d)}`) : ["None recorded."]), "");
  out.push("## Actions", "");
  out.push(...(a.actions.length ? a.actions.map((d) => `- ${escape(d)}`) : ["None recorded."]), "");
  return out.join("\n");
}

// Customer feedback: what a customer actually said, in their own words (the brutal facts), and the
// CSV that brings it in from support tools, interview notes and surveys. Pure: no database.
// Columns: quote, source, date, customer, sentiment, and optionally behaviour, barrier, metric, team
// (matched by title or name by the data layer).
import { EARLIEST_DAY, EARLIEST_DAY_MESSAGE } from "./dates";
import { isIsoDate, openCsvTable, toCsv } from "./csv";
import { hasControl } from "./text";

export const FEEDBACK_SOURCES = ["SUPPORT_TICKET", "INTERVIEW", "SURVEY", "REVIEW", "SALES_CALL", "OTHER"] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];
export const SENTIMENTS = ["NEGATIVE", "MIXED", "POSITIVE"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const SOURCE_LABELS: Record<FeedbackSource, string> = {
  SUPPORT_TICKET: "Support ticket",
  INTERVIEW: "Interview",
  SURVEY: "Survey",
  REVIEW: "Review",
  SALES_CALL: "Sales call",
  OTHER: "Other",
};
export const SENTIMENT_LABELS: Record<Sentiment, string> = {
  NEGATIVE: "Negative",
  MIXED: "Mixed",
  POSITIVE: "Positive",
};

export const QUOTE_MAX = 4000;
export const CUSTOMER_MAX = 200;

export const FEEDBACK_COLUMNS = [
  "quote",
  "source",
  "date",
  "customer",
  "sentiment",
  "behaviour",
  "barrier",
  "metric",
  "team",
] as const;
const OPTIONAL_COLUMNS = ["customer", "behaviour", "barrier", "metric", "team"] as const;
export const MAX_FEEDBACK_ROWS = 5000;

/** "support ticket", "Support-Ticket" and "SUPPORT_TICKET" are one source, as are labels and codes. */
const norm = (s: string) =>
  s
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

export function parseSource(s: string): FeedbackSource | null {
  const n = norm(s);
  return (FEEDBACK_SOURCES as readonly string[]).includes(n) ? (n as FeedbackSource) : null;
}

export function parseSentiment(s: string): Sentiment | null {
  const n = norm(s);
  return (SENTIMENTS as readonly string[]).includes(n) ? (n as Sentiment) : null;
}

export interface FeedbackCsvRow {
  line: number;
  quote: string;
  source: FeedbackSource | null;
  date: string;
  customer: string;
  sentiment: Sentiment | null;
  behaviour: string;
  barrier: string;
  metric: string;
  team: string;
  errors: string[];
}

const EMPTY = {
  quote: "",
  source: null,
  date: "",
  customer: "",
  sentiment: null,
  behaviour: "",
  barrier: "",
  metric: "",
  team: "",
};

/** Reads and checks every row; never throws for bad content. `today` is YYYY-MM-DD. */
export function readFeedbackCsv(text: string, today: string): { rows: FeedbackCsvRow[]; fileError?: string } {
  const opened = openCsvTable(text, {
    columns: FEEDBACK_COLUMNS,
    optional: OPTIONAL_COLUMNS,
    maxRows: MAX_FEEDBACK_ROWS,
  });
  if ("fileError" in opened) return { rows: [], fileError: opened.fileError };
  const rows = opened.table.records.map(({ line, cells, errors: csvErrors }): FeedbackCsvRow => {
    if (!cells) return { line, ...EMPTY, errors: csvErrors };
    const errors = [...csvErrors];
    const cell = (k: string) => (cells[k] ?? "").trim();
    // The quote is kept verbatim (only the ends trimmed): the customer's words, not a summary.
    const quote = cell("quote");
    const date = cell("date");
    const source = parseSource(cell("source"));
    const sentiment = parseSentiment(cell("sentiment"));
    const [customer, behaviour, barrier, metric, team] = OPTIONAL_COLUMNS.map(cell) as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (!quote) errors.push("Quote is missing: what did the customer say?");
    else if (quote.length > QUOTE_MAX) errors.push(`Quote is longer than ${QUOTE_MAX} characters.`);
    if (!source)
      errors.push(`Source must be one of: ${FEEDBACK_SOURCES.map((s) => SOURCE_LABELS[s].toLowerCase()).join(", ")}.`);
    if (!isIsoDate(date)) errors.push("Date must be a real date written YYYY-MM-DD.");
    else if (date < EARLIEST_DAY) errors.push(`Date: ${EARLIEST_DAY_MESSAGE}`);
    else if (date > today) errors.push("Date is in the future.");
    if (!sentiment) errors.push("Sentiment must be positive, negative or mixed.");
    if (customer.length > CUSTOMER_MAX) errors.push(`Customer is longer than ${CUSTOMER_MAX} characters.`);
    if ([quote, customer, behaviour, barrier, metric, team].some(hasControl))
      errors.push("Remove control characters (such as NUL or text-direction marks).");
    return { line, quote, source, date, customer, sentiment, behaviour, barrier, metric, team, errors };
  });
  return { rows };
}

export interface FeedbackCsvOut {
  quote: string;
  source: FeedbackSource;
  date: string;
  customer: string;
  sentiment: Sentiment;
  behaviours: string[];
  barriers: string[];
  metrics: string[];
  teams: string[];
  story: boolean;
}

/**
 * The export: the import's columns (several links joined with "; "), plus whether it is a story.
 * A file with one link per column imports back as it was.
 */
export function feedbackToCsv(rows: FeedbackCsvOut[], header = true): string {
  return toCsv([
    ...(header ? [[...FEEDBACK_COLUMNS, "story"]] : []),
    ...rows.map((r) => [
      r.quote,
      SOURCE_LABELS[r.source].toLowerCase(),
      r.date,
      r.customer,
      SENTIMENT_LABELS[r.sentiment].toLowerCase(),
      r.behaviours.join("; "),
      r.barriers.join("; "),
      r.metrics.join("; "),
      r.teams.join("; "),
      r.story ? "yes" : "",
    ]),
  ]);
}

/** Counts by sentiment, every sentiment present (0 when none). */
export function sentimentCounts(rows: { sentiment: Sentiment; count: number }[]): Record<Sentiment, number> {
  const out: Record<Sentiment, number> = { NEGATIVE: 0, MIXED: 0, POSITIVE: 0 };
  for (const r of rows) out[r.sentiment] += r.count;
  return out;
}

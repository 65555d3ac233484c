// Metric readings as CSV, for bringing figures in from analytics tools and out to spreadsheets.
// Columns: date, metric, team, value (team empty = the whole organisation).
import { csvRecords, CsvError, toCsv } from "./csv";

export const READING_COLUMNS = ["date", "metric", "team", "value"] as const;
export const MAX_READING_ROWS = 5000;
/** The same bound as the reading form (ReadingInput). */
const MAX_ABS_VALUE = 1e12;

export interface ReadingCsvRow {
  line: number;
  date: string;
  metric: string;
  team: string;
  /** null when the cell is not a number. */
  value: number | null;
  errors: string[];
}

// A point for decimals only: "12,5" means 12.5 in much of Europe and 125 in a thousands-grouped export,
// so it is refused rather than guessed.
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function readValue(raw: string): { value: number | null; error: string | null } {
  if (raw === "") return { value: null, error: "Value is missing." };
  if (DECIMAL_COMMA.test(raw)) return { value: null, error: `Write decimals with a point: ${raw.replace(",", ".")}, not ${raw}.` };
  if (!NUMBER.test(raw)) return { value: null, error: `Value must be a number written like 12.5 (got “${raw}”).` };
  const value = Number(raw);
  if (Math.abs(value) > MAX_ABS_VALUE) return { value: null, error: "Value is too large." };
  return { value, error: null };
}

/** Reads and checks every row; never throws for bad content. `today` is YYYY-MM-DD. */
export function readReadingCsv(text: string, today: string): { rows: ReadingCsvRow[]; fileError?: string } {
  let parsed: ReturnType<typeof csvRecords>;
  try {
    parsed = csvRecords(text);
  } catch (err) {
    return { rows: [], fileError: err instanceof CsvError ? err.message : "This file cannot be read as CSV." };
  }
  if (parsed.header.length === 0) return { rows: [], fileError: "The file is empty." };
  // Team may be left out altogether: every reading is then organisation-wide.
  const missing = READING_COLUMNS.filter((c) => c !== "team" && !parsed.header.includes(c));
  if (missing.length) return { rows: [], fileError: `The CSV is missing the column(s): ${missing.join(", ")}. Expected: ${READING_COLUMNS.join(",")}.` };
  if (parsed.records.length > MAX_READING_ROWS) return { rows: [], fileError: `At most ${MAX_READING_ROWS} rows per import; this file has ${parsed.records.length}.` };
  const rows = parsed.records.map((r, i): ReadingCsvRow => {
    const errors: string[] = [];
    const date = (r.date ?? "").trim();
    const metric = (r.metric ?? "").trim();
    const team = (r.team ?? "").trim();
    if (!validDate(date)) errors.push("Date must be a real date written YYYY-MM-DD.");
    else if (date > today) errors.push("Date is in the future.");
    if (!metric) errors.push("Metric is missing.");
    const { value, error } = readValue((r.value ?? "").trim());
    if (error) errors.push(error);
    return { line: parsed.lines[i]!, date, metric, team, value, errors };
  });
  // Two rows for one metric, team and day would silently overwrite each other: name the first.
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.metric || !validDate(row.date)) continue;
    const key = `${row.metric.toLowerCase()}\u0000${row.team.toLowerCase()}\u0000${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) row.errors.push(`Same metric, team and date as line ${first}.`);
    else seen.set(key, row.line);
  }
  return { rows };
}

export function readingsToCsv(rows: { date: string; metric: string; team: string; value: number }[]): string {
  return toCsv([[...READING_COLUMNS], ...rows.map((r) => [r.date, r.metric, r.team, String(r.value)])]);
}

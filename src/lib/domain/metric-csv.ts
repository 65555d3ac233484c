// Metric readings as CSV, for bringing figures in from analytics tools and out to spreadsheets.
// Columns: date, metric, team, value (team empty = the whole organisation).
import { EARLIEST_DAY, EARLIEST_DAY_MESSAGE } from "./dates";
import { isIsoDate, openCsvTable, toCsv } from "./csv";
import { hasControl } from "./text";

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

function readValue(raw: string): { value: number | null; error: string | null } {
  if (raw === "") return { value: null, error: "Value is missing." };
  if (DECIMAL_COMMA.test(raw))
    return { value: null, error: `Write decimals with a point: ${raw.replace(",", ".")}, not ${raw}.` };
  if (!NUMBER.test(raw)) return { value: null, error: `Value must be a number written like 12.5 (got “${raw}”).` };
  const value = Number(raw);
  if (Math.abs(value) > MAX_ABS_VALUE) return { value: null, error: "Value is too large." };
  return { value, error: null };
}

/** Reads and checks every row; never throws for bad content. `today` is YYYY-MM-DD. */
export function readReadingCsv(text: string, today: string): { rows: ReadingCsvRow[]; fileError?: string } {
  // Team may be left out altogether: every reading is then organisation-wide.
  const opened = openCsvTable(text, { columns: READING_COLUMNS, optional: ["team"], maxRows: MAX_READING_ROWS });
  if ("fileError" in opened) return { rows: [], fileError: opened.fileError };
  const rows = opened.table.records.map(({ line, cells, errors: csvErrors }): ReadingCsvRow => {
    if (!cells) return { line, date: "", metric: "", team: "", value: null, errors: csvErrors };
    const errors = [...csvErrors];
    const date = (cells.date ?? "").trim();
    const metric = (cells.metric ?? "").trim();
    const team = (cells.team ?? "").trim();
    if (!isIsoDate(date)) errors.push("Date must be a real date written YYYY-MM-DD.");
    else if (date < EARLIEST_DAY) errors.push(`Date: ${EARLIEST_DAY_MESSAGE}`);
    else if (date > today) errors.push("Date is in the future.");
    if (!metric) errors.push("Metric is missing.");
    if (hasControl(metric) || hasControl(team))
      errors.push("Remove control characters (such as NUL or text-direction marks).");
    const { value, error } = readValue((cells.value ?? "").trim());
    if (error) errors.push(error);
    return { line, date, metric, team, value, errors };
  });
  // Two rows for one metric, team and day would silently overwrite each other: name the first.
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.metric || !isIsoDate(row.date)) continue;
    const key = `${row.metric.toLowerCase()}\u0000${row.team.toLowerCase()}\u0000${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) row.errors.push(`Same metric, team and date as line ${first}.`);
    else seen.set(key, row.line);
  }
  return { rows };
}

/** The rows as CSV, after the header line unless `header` is false (a later page of a streamed export). */
export function readingsToCsv(
  rows: { date: string; metric: string; team: string; value: number }[],
  header = true,
): string {
  return toCsv([...(header ? [[...READING_COLUMNS]] : []), ...rows.map((r) => [r.date, r.metric, r.team, r.value])]);
}

// Observations as CSV, for moving counts in from other tools and out to spreadsheets.
// Columns: date, team, behaviour, performed, missed, note (one row per day, team and behaviour
// or per situation; performed and missed are counts).
import { EARLIEST_DAY, EARLIEST_DAY_MESSAGE } from "./dates";
import { isIsoDate, openCsvTable, toCsv } from "./csv";
import { hasControl } from "./text";

export const OBSERVATION_COLUMNS = ["date", "team", "behaviour", "performed", "missed", "note"] as const;
export const MAX_OBSERVATION_ROWS = 5000;

export interface ObservationCsvRow {
  line: number;
  date: string;
  team: string;
  behaviour: string;
  performed: number;
  missed: number;
  note: string;
  errors: string[];
}

const COUNT = /^\d{1,4}$/;

/** Reads and checks every row; never throws for bad content. `today` is YYYY-MM-DD. */
export function readObservationCsv(text: string, today: string): { rows: ObservationCsvRow[]; fileError?: string } {
  const opened = openCsvTable(text, {
    columns: OBSERVATION_COLUMNS,
    optional: ["note"],
    maxRows: MAX_OBSERVATION_ROWS,
  });
  if ("fileError" in opened) return { rows: [], fileError: opened.fileError };
  const rows = opened.table.records.map(({ line, cells, errors: csvErrors }): ObservationCsvRow => {
    if (!cells)
      return { line, date: "", team: "", behaviour: "", performed: 0, missed: 0, note: "", errors: csvErrors };
    const errors = [...csvErrors];
    const date = (cells.date ?? "").trim();
    const team = (cells.team ?? "").trim();
    const behaviour = (cells.behaviour ?? "").trim();
    const note = (cells.note ?? "").trim();
    const p = (cells.performed ?? "").trim();
    const m = (cells.missed ?? "").trim();
    if (!isIsoDate(date)) errors.push("Date must be a real date written YYYY-MM-DD.");
    else if (date < EARLIEST_DAY) errors.push(`Date: ${EARLIEST_DAY_MESSAGE}`);
    else if (date > today) errors.push("Date is in the future.");
    if (!team) errors.push("Team is missing.");
    if (!behaviour) errors.push("Behaviour is missing.");
    if (!COUNT.test(p) || !COUNT.test(m)) errors.push("Performed and missed must be whole numbers from 0 to 9999.");
    const performed = COUNT.test(p) ? Number(p) : 0;
    const missed = COUNT.test(m) ? Number(m) : 0;
    if (COUNT.test(p) && COUNT.test(m) && performed + missed === 0)
      errors.push("A row needs at least one opportunity (performed + missed).");
    if (note.length > 500) errors.push("Note is longer than 500 characters.");
    if ([team, behaviour, note].some(hasControl))
      errors.push("Remove control characters (such as NUL or text-direction marks).");
    return { line, date, team, behaviour, performed, missed, note, errors };
  });
  return { rows };
}

/** The rows as CSV, after the header line unless `header` is false (a later page of a streamed export). */
export function observationsToCsv(
  rows: { date: string; team: string; behaviour: string; performed: number; missed: number; note: string }[],
  header = true,
): string {
  return toCsv([
    ...(header ? [[...OBSERVATION_COLUMNS]] : []),
    ...rows.map((r) => [r.date, r.team, r.behaviour, r.performed, r.missed, r.note]),
  ]);
}

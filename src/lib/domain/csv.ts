/* eslint-disable @typescript-eslint/no-unused-expressions -- the hand-written parser goes in the csv-parse change */
// CSV as in RFC 4180: comma-separated, fields with commas, quotes or line breaks are quoted,
// quotes doubled; written with csv-stringify. Text cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR) are written with a leading apostrophe (OWASP "CSV injection"), which
// reading removes again.
import { stringify } from "csv-stringify/sync";

/** A cell to write. A number is written as it is: a spreadsheet reads -20 as a number, never a formula. */
export type CsvCell = string | number;

// OWASP "CSV injection": a spreadsheet runs a text cell starting with one of these as a formula.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * CSV text with CRLF line ends. A text cell a spreadsheet would run as a formula is written with a
 * leading apostrophe; so pass numbers as numbers (the string "-20" is neutralised, the number -20 is not).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify([...rows], {
    record_delimiter: "windows",
    // csv-stringify quotes a cell holding the record delimiter (CRLF) only; a lone CR or LF needs quotes too.
    quoted_match: /[\r\n]/,
    cast: { string: (cell) => (FORMULA.test(cell) ? `'${cell}` : cell) },
  });
}

export class CsvError extends Error {}

export interface CsvLine {
  /** The line of the file the row starts on (1-based), so errors point where a person can look. */
  line: number;
  cells: string[];
}

/**
 * Parses CSV text into rows of cells with the line each starts on. Blank lines are skipped (and
 * still counted). Throws CsvError on a broken quote.
 */
export function parseCsvLines(text: string): CsvLine[] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: CsvLine[] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endCell = () => {
    row.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    // Rows with nothing but blanks (a spreadsheet's trailing ",,,," lines) are skipped too.
    if (row.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells: row });
    row = [];
    line++;
    rowLine = line;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') ((cell += '"'), (i += 2));
      else if (c === '"') ((quoted = false), i++);
      else {
        // A line break inside quotes belongs to the cell but still moves the file's line on.
        if (c === "\n" || (c === "\r" && src[i + 1] !== "\n")) line++;
        ((cell += c), i++);
      }
      continue;
    }
    if (c === '"' && cell === "") ((quoted = true), i++);
    else if (c === ",") (endCell(), i++);
    else if (c === "\r" && src[i + 1] === "\n") (endRow(), (i += 2));
    else if (c === "\n" || c === "\r") (endRow(), i++);
    else ((cell += c), i++);
  }
  if (quoted) throw new CsvError('A quoted cell is not closed: check for a missing ".');
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}

/** Parses CSV text into rows of cells. Blank lines are skipped. Throws CsvError on a broken quote. */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.cells);
}

/**
 * Rows as objects keyed by the (trimmed, lower-cased) header row, each with the file line it
 * starts on; `rawHeader` keeps the header as written, for messages.
 */
export function csvRecords(text: string): {
  header: string[];
  rawHeader: string[];
  records: Record<string, string>[];
  lines: number[];
} {
  const [head, ...body] = parseCsvLines(text);
  const rawHeader = (head?.cells ?? []).map((h) => h.trim());
  const header = rawHeader.map((h) => h.toLowerCase());
  return {
    header,
    rawHeader,
    records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ""]))),
    lines: body.map((r) => r.line),
  };
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export type CsvTable = ReturnType<typeof csvRecords>;

/**
 * Reads an import file with named columns: the table, or the one message that explains why the
 * whole file cannot be read (broken quote, empty, missing columns, too many rows).
 */
export function openCsvTable(
  text: string,
  spec: { columns: readonly string[]; optional?: readonly string[]; maxRows: number },
): { table: CsvTable } | { fileError: string } {
  let table: CsvTable;
  try {
    table = csvRecords(text);
  } catch (err) {
    return { fileError: err instanceof CsvError ? err.message : "This file cannot be read as CSV." };
  }
  if (table.header.length === 0) return { fileError: "The file is empty." };
  const missing = spec.columns.filter((c) => !spec.optional?.includes(c) && !table.header.includes(c));
  if (missing.length)
    return {
      fileError: `The CSV is missing the column(s): ${missing.join(", ")}. Expected: ${spec.columns.join(",")}.`,
    };
  if (table.records.length > spec.maxRows)
    return { fileError: `At most ${spec.maxRows} rows per import; this file has ${table.records.length}.` };
  return { table };
}

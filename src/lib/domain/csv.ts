// CSV as in RFC 4180, read with csv-parse and written with csv-stringify. Reading gives every cell
// exactly as it is in the file; guarding spreadsheets against formulas is the writer's job alone,
// because a reader cannot tell an apostrophe the writer added from one a person typed.
import { parse, type CsvError as ParseError } from "csv-parse/sync";
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

/**
 * One CSV line without its line end, quoted as needed but not neutralised: for a header people copy
 * into a file they will import, where an added apostrophe would keep a column from matching.
 */
export function csvLine(cells: readonly string[]): string {
  return stringify([[...cells]], { eof: false, quoted_match: /[\r\n]/ });
}

export class CsvError extends Error {}

export interface CsvLine {
  /** The line of the file the row starts on (1-based), so errors point where a person can look. */
  line: number;
  cells: string[];
  /** Why the row cannot be read as CSV (a quote out of place); its cells are then empty. */
  error: string | null;
}

const NOT_CLOSED = 'A quoted cell is not closed: check for a missing ".';
const NOT_UNICODE = "The file has characters that are not valid Unicode: save it as UTF-8 and try again.";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LF = 0x0a;
const CR = 0x0d;
const BREAK = /\r\n|\r|\n/g;

/** Turns byte offsets into 1-based lines. csv-parse counts bytes; CRLF, LF and CR each end a line. */
function lineIndex(bytes: Uint8Array): (offset: number) => number {
  const starts = [0];
  bytes.forEach((b, i) => {
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) starts.push(i + 1);
  });
  return (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function quoteProblem(err: ParseError, cell: number): string {
  switch (err.code) {
    case "INVALID_OPENING_QUOTE":
      return `Cell ${cell} has a quote (") out of place: a quoted cell starts with the quote, with nothing before it (not even a space), and a quote inside a cell is written twice ("").`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `Cell ${cell} goes on after its closing quote ("): end the cell right after the quote (no space before the comma), or write a quote inside it twice ("").`;
    default:
      return "This row cannot be read as CSV.";
  }
}

// Thrown from csv-parse's callbacks to stop reading a file that is already too long.
const STOP = new Error("Enough rows read.");

/**
 * The rows of CSV text. csv-parse builds an error object for every record whose cell count differs
 * from the first record's and for every quote out of place, which makes a large file of garbage
 * hold the server for seconds; so reading stops (`truncated`) once more than `maxRows` records after
 * the header have cost that. Nearly all of them are rows, and a file with that many is refused anyway.
 */
function readCsv(text: string, maxRows: number): { rows: CsvLine[]; truncated: boolean } {
  // csv-parse reads UTF-8 bytes, in which half a surrogate pair becomes U+FFFD: refuse rather than change it.
  if (LONE_SURROGATE.test(text)) throw new CsvError(NOT_UNICODE);
  const bytes = new TextEncoder().encode(text);
  const lineAt = lineIndex(bytes);
  const rows: CsvLine[] = [];
  let width = -1;
  let costly = 0;
  let notClosed = false;
  const closingQuotes: CsvLine[] = [];
  try {
    parse(text, {
      bom: true,
      // A spreadsheet may save LF, CRLF or CR, and a pasted file can mix them.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (cells, info) => {
        if (width === -1) width = cells.length;
        if (cells.length !== width) costly++;
        // Rows of empty cells (a spreadsheet's trailing ",,,," lines) are skipped like blank lines.
        if (cells.some((c) => c.trim() !== "")) {
          // info.bytes is the offset just past the record (and its line end): the record starts as
          // many lines higher as its quoted cells hold line breaks.
          const inside = cells.reduce((n, c) => n + (c.match(BREAK)?.length ?? 0), 0);
          rows.push({ line: lineAt(info.bytes - 1) - inside, cells, error: null });
        }
        // One more than maxRows: the header too is uneven when the file starts with a row of empty cells.
        if (costly > maxRows + 1) throw STOP;
        return null;
      },
      on_skip: (err) => {
        if (!err) return;
        if (err.code === "CSV_QUOTE_NOT_CLOSED") {
          notClosed = true;
          return;
        }
        // The error carries the offset of the comma before the bad cell or, for a first cell, of
        // the end of the previous record: the cell starts past any blank lines after that.
        const column = typeof err.column === "number" ? err.column : 0;
        let at = typeof err.bytes === "number" ? err.bytes : 0;
        if (column === 0) {
          if (at === 0 && text.startsWith("\uFEFF")) at = 3;
          while (bytes[at] === CR || bytes[at] === LF) at++;
        }
        const line = lineAt(at);
        // A bad quote can trip the parser more than once in one row; the row is reported once.
        const last = rows.at(-1);
        if (last?.error && last.line === line) return;
        const row = { line, cells: [], error: quoteProblem(err, column + 1) };
        if (err.code === "CSV_INVALID_CLOSING_QUOTE") closingQuotes.push(row);
        rows.push(row);
        if (++costly > maxRows + 1) throw STOP;
      },
    });
  } catch (err) {
    if (err !== STOP) throw err;
    return { rows, truncated: true };
  }
  // After text that follows a closing quote, csv-parse reads on as if still inside the quotes: a
  // quote left open at the end most likely comes from the first such row.
  const [culprit] = closingQuotes;
  if (notClosed) throw new CsvError(culprit ? `Line ${culprit.line}: ${culprit.error}` : NOT_CLOSED);
  return { rows, truncated: false };
}

/**
 * Parses CSV text into rows of cells with the line each starts on. Blank lines and rows of empty
 * cells are skipped (and still counted). A row with a quote out of place comes back with its error;
 * an unclosed quote makes the whole file unreadable (CsvError).
 */
export function parseCsvLines(text: string): CsvLine[] {
  return readCsv(text, Infinity).rows;
}

/** Parses CSV text into rows of cells. Blank lines are skipped. Throws CsvError on any quote out of place. */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => {
    if (r.error) throw new CsvError(`Line ${r.line}: ${r.error}`);
    return r.cells;
  });
}

export interface CsvRecord {
  line: number;
  /** Cells by the (trimmed, lower-cased) header; null when the row cannot be read as CSV. */
  cells: Record<string, string> | null;
  /** What is wrong with the row as CSV: a quote out of place, or cells beyond the header. */
  errors: string[];
}

function toRecord(row: CsvLine, header: readonly string[]): CsvRecord {
  if (row.error) return { line: row.line, cells: null, errors: [row.error] };
  // Cells past the header belong to no column: usually a comma in a cell that should have been quoted.
  const extra = row.cells.slice(header.length).some((c) => c.trim() !== "");
  return {
    line: row.line,
    cells: Object.fromEntries(header.map((h, i) => [h, row.cells[i] ?? ""])),
    errors: extra
      ? [
          `This row has ${row.cells.length} cells but the header has ${header.length}: put a cell that contains a comma in quotes, or remove the extra cells.`,
        ]
      : [],
  };
}

/**
 * The rows as records keyed by the header row, each with the file line it starts on and its CSV
 * problems. Throws CsvError when the header itself cannot be read or names a column twice. Reading
 * may stop early in a file with more than `maxRows` rows (see readCsv).
 */
export function csvRecords(
  text: string,
  maxRows = Infinity,
): {
  /** Trimmed and lower-cased, to match columns however they are written. */
  header: string[];
  /** The header as written (trimmed), for messages. */
  rawHeader: string[];
  records: CsvRecord[];
  /** True when reading stopped early (see readCsv): the file counts as having more than `maxRows` rows. */
  truncated: boolean;
} {
  const { rows, truncated } = readCsv(text, maxRows);
  const [head, ...body] = rows;
  if (head?.error) throw new CsvError(`The header row (line ${head.line}) cannot be read. ${head.error}`);
  const rawHeader = (head?.cells ?? []).map((h) => h.trim());
  const header = rawHeader.map((h) => h.toLowerCase());
  // Two columns with one name would leave one of them unread.
  const twice = header.findIndex((h, i) => h !== "" && header.indexOf(h) !== i);
  if (twice !== -1) throw new CsvError(`The column “${rawHeader[twice]}” appears more than once in the header.`);
  return { header, rawHeader, records: body.map((row) => toRecord(row, header)), truncated };
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
    table = csvRecords(text, spec.maxRows);
  } catch (err) {
    return { fileError: err instanceof CsvError ? err.message : "This file cannot be read as CSV." };
  }
  if (table.header.length === 0) return { fileError: "The file is empty." };
  const missing = spec.columns.filter((c) => !spec.optional?.includes(c) && !table.header.includes(c));
  if (missing.length)
    return {
      fileError: `The CSV is missing the column(s): ${missing.join(", ")}. Expected: ${spec.columns.join(",")}.`,
    };
  if (table.truncated || table.records.length > spec.maxRows)
    return {
      fileError: `At most ${spec.maxRows} rows per import; this file has ${table.truncated ? "more" : table.records.length}.`,
    };
  return { table };
}

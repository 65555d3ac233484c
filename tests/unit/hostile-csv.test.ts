// Issue 7, "Hostile input", for imports: every CSV/JSON reader is fed hostile files. A reader must
// return (never throw) with a file error or per-row errors in words, and no row that passes may
// carry a control character, an impossible number or an impossible date into the database.
import { describe, expect, it, vi } from "vitest";
import { CONTROL } from "@/lib/schemas/text";
import { MAX_IMPORT_ROWS, readCatalogueFile, type ImportRow } from "@/lib/domain/catalogue-transfer";
import { CONTROL_SAMPLES, HOSTILE_STRINGS, ONE_MB, TEN_KB, type Hostile } from "../support/hostile-corpus";
import {
  type Column,
  type Result,
  type Reader,
  isRealDate,
  controls,
  catalogue,
  READERS,
  cell,
  line,
  fileOf,
  withCell,
  garbage,
  FORMULAS,
  CELLS,
  TODAY,
} from "../support/hostile-files";

// ---------------------------------------------------------------- expectations

const GROUP_WORDS = new Set(["doer", "non-doer", "nondoer", "non doer", "excluded"]);
const realNumber = (t: string) =>
  /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) && Number.isFinite(Number(t)) && Math.abs(Number(t)) <= 1e12;

/** "explain": the reader must refuse it in words. "either": it may be kept as data, if safe. */
function expectation(col: Column, value: string): "explain" | "either" {
  const t = value.trim();
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
    case "choice":
      return col.accepts(t) ? "either" : "explain";
    case "ignored":
      return "either";
  }
}

// ---------------------------------------------------------------- checks

let tried = 0;
const worded = (s: unknown) => typeof s === "string" && s.trim() !== "" && /[A-Za-z]{3}/.test(s);

/** Reads a file; returns what is wrong with the outcome (never throwing, words, safe passing rows). */
function check<R>(
  r: Reader<R>,
  label: string,
  text: string,
  expect: "explain" | "either" | "valid" | "empty",
  keep?: { field: string; value: string },
): string[] {
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
  if (res.fileError !== undefined && !worded(res.fileError))
    problems.push(`file error not in words: ${JSON.stringify(res.fileError)}`);
  if (res.fileError && res.rows.length > 0) problems.push("rows returned alongside a file error");
  for (const row of res.rows)
    for (const e of r.errors(row)) if (!worded(e)) problems.push(`row error not in words: ${JSON.stringify(e)}`);
  const passing = res.fileError ? [] : res.rows.filter((row) => r.errors(row).length === 0);
  for (const row of passing) problems.push(...r.unsafe(row).map((p) => `a row passed unsafe: ${p}`));
  const explained = Boolean(res.fileError) || res.rows.some((row) => r.errors(row).length > 0);
  if (expect === "explain" && !explained) problems.push(`not refused: ${res.rows.length} row(s) passed with no error`);
  if (expect === "valid" && (res.fileError || res.rows.length === 0 || passing.length !== res.rows.length))
    problems.push(`a valid file was refused: ${res.fileError ?? JSON.stringify(res.rows.map((row) => r.errors(row)))}`);
  if (expect === "empty" && !res.fileError && res.rows.length > 0)
    problems.push(`${res.rows.length} row(s) from a file without data`);
  // Markup, SQL, emoji and apostrophes are data: kept exactly as written (less the trim), never rewritten.
  if (keep && passing.length === 1) {
    const got = r.field(passing[0]!, keep.field);
    const want = keep.value.trim();
    if (got !== want)
      problems.push(
        `${keep.field} did not round-trip: ${JSON.stringify(String(got).slice(0, 40))} ≠ ${JSON.stringify(want.slice(0, 40))}`,
      );
  }
  return problems.map((p) => `${where}: ${p}`);
}

// Each test parses megabytes of hostile text: on a busy two-core machine that can take longer than
// the default 5 s. These are correctness checks, not timings (speed is measured by `npm run bench`).
vi.setConfig({ testTimeout: 30_000 });

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
      [
        "a valid header, then garbage under the row limit",
        `${header}\n${garbage(Math.min(r.maxRows, 400) * 12, false, 13)}`,
        "explain",
      ],
      ["1 MB in one cell", fileOf(r, [withCell(r, r.columns[0]!, ONE_MB)]), "explain"],
      ["NUL bytes only", "\u0000".repeat(4_096), "explain"],
      [
        "NUL in the header",
        `${r.columns
          .map((c, i) => (i === 0 ? `${c.slice(0, 2)}\u0000${c.slice(2)}` : c))
          .map(cell)
          .join(",")}\n${body}\n`,
        "explain",
      ],
      ["NUL after every character", `${header}\n${body.split("").join("\u0000")}\n`, "explain"],
      ["an unclosed quote", `${header}\n"${body}\n`, "explain"],
      ["an unclosed quote in the last cell", `${header}\n${body},"never closed\n${body}\n`, "explain"],
      ["a stray quote inside a cell", `${header}\n${body.replace(/^([^,]*)/, '$1"x')}\n`, "explain"],
      ["a space before an opening quote", `${header}\n${body.replace(/^([^,]*),/, '$1, "x",')}\n`, "explain"],
      ["text after a closing quote", `${header}\n${body.replace(/^([^,]*),/, '"$1" ,')}\n`, "explain"],
      [
        "a column named twice in the header",
        `${header},${cell(` ${r.columns[0]!.toUpperCase()}`)}\n${body}\n`,
        "explain",
      ],
      [
        "a valid row, then one with a bad quote",
        `${header}\n${body}\n${body.replace(/^([^,]*),/, '$1, "x",')}\n`,
        "explain",
      ],
      ["header only", `${header}\n`, "empty"],
      ["header only, no final newline", header, "empty"],
      ["50,000 empty lines after the header", `${header}${"\n".repeat(50_000)}`, "empty"],
      [
        "50,000 lines of commas after the header",
        `${header}\n${`${",".repeat(r.columns.length - 1)}\n`.repeat(50_000)}`,
        "empty",
      ],
      ["50,000 CRLF lines, then the file", `${"\r\n".repeat(50_000)}${header}\r\n${body}\r\n`, "valid"],
      ["a byte-order mark", `\uFEFF${header}\n${body}\n`, "valid"],
      ["two byte-order marks", `\uFEFF\uFEFF${header}\n${body}\n`, "either"],
      ["CRLF line endings", fileOf(r, [r.valid], "\r\n"), "valid"],
      ["CR line endings", fileOf(r, [r.valid], "\r"), "valid"],
      ["mixed CRLF, CR and LF", `${header}\r\n${line(r.nth(1))}\r${line(r.nth(2))}\n${line(r.nth(3))}\r\n`, "valid"],
      [
        "the header in capitals with spaces",
        `${r.columns
          .map((c) => ` ${c.toUpperCase()} `)
          .map(cell)
          .join(",")}\n${body}\n`,
        "valid",
      ],
      [
        "an unknown header",
        `${r.columns
          .map((c) => `${c}_x`)
          .map(cell)
          .join(",")}\n${body}\n`,
        "explain",
      ],
      ["a header of formulas", `=HYPERLINK("x"),+cmd,@SUM(1)\n${body}\n`, "explain"],
      ["a row with too few cells", `${header}\n${r.valid.slice(0, 1).map(cell).join(",")}\n`, "explain"],
      ["a row with extra cells", `${header}\n${body},extra,"<script>alert(1)</script>"\n`, "explain"],
      ["a row with extra empty cells", `${header}\n${body},,\n`, "valid"],
      ["a lone surrogate", `${header}\n${body.replace(/^([^,]*)/, "$1\uD800")}\n`, "explain"],
      [
        `${r.maxRows + 1} rows (one past the limit)`,
        fileOf(
          r,
          Array.from({ length: r.maxRows + 1 }, (_, n) => r.nth(n)),
        ),
        "explain",
      ],
      [
        `${r.maxRows * 4} rows`,
        fileOf(
          r,
          Array.from({ length: r.maxRows * 4 }, (_, n) => r.nth(n)),
        ),
        "explain",
      ],
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
        const keep =
          (col.kind === "stored" || col.kind === "lookup") && !CONTROL.test(value)
            ? { field: col.field, value }
            : undefined;
        problems.push(
          ...check(r, `${column}: ${h.name}`, fileOf(r, [withCell(r, column, value)]), expectation(col, value), keep),
        );
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
        const res = check(
          r,
          `${column}: ${h.name}`,
          fileOf(r, [withCell(r, column, `Sprint ${h.value as string} review`)]),
          "explain",
        );
        problems.push(...res);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("readCatalogueFile (JSON) is fed hostile documents", () => {
  const behaviour = {
    value: "Ownership",
    title: "Post the root cause",
    actor: "The engineer on call",
    action: "posts the root cause on the ticket",
    trigger: "when an incident is closed",
    frequency: "every incident",
    completionCriterion: "a root-cause note is on the ticket",
    customerOutcome: "customers hear what went wrong",
    example: "Ticket 24.",
    anchors: ["Is the cause named?"],
    ownerEmail: "grace@example.com",
    status: "ACTIVE",
  };
  const doc = (behaviours: unknown, values: unknown = [{ name: "Ownership", description: "We own outcomes." }]) =>
    JSON.stringify({ format: "conduct-catalogue", version: 1, values, behaviours });
  const jsonReader: Reader<ImportRow> = { ...catalogue, name: "readCatalogueFile (JSON)" };

  const checkValues = (text: string): string[] => {
    const res = readCatalogueFile(text);
    return res.values
      .flatMap((v) => [
        ...controls(v),
        ...(v.name.length <= 80 && v.description.length <= 300 ? [] : ["value longer than allowed"]),
      ])
      .map((p) => `values: ${p}`);
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
      [
        "__proto__ inside a behaviour",
        JSON.stringify([behaviour]).replace("{", '{"__proto__":{"polluted":true},'),
        "valid",
      ],
      ["NUL outside strings", "[\u0000]", "explain"],
      [
        `${MAX_IMPORT_ROWS + 1} behaviours`,
        doc(Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ ...behaviour, title: `Behaviour ${i}` }))),
        "explain",
      ],
      [
        "a behaviour with every field a number",
        doc([Object.fromEntries(Object.keys(behaviour).map((k) => [k, 42]))]),
        "explain",
      ],
      [
        "a behaviour with every field null",
        doc([Object.fromEntries(Object.keys(behaviour).map((k) => [k, null]))]),
        "explain",
      ],
      ["anchors as a string", doc([{ ...behaviour, anchors: "Is the cause named?" }]), "explain"],
      [
        "seven anchors",
        doc([{ ...behaviour, anchors: Array.from({ length: 7 }, (_, i) => `Question ${i}?`) }]),
        "explain",
      ],
      ["100,000 anchors", doc([{ ...behaviour, anchors: Array.from({ length: 100_000 }, () => "Q?") }]), "explain"],
      ["a 10 kB anchor", doc([{ ...behaviour, anchors: [TEN_KB] }]), "explain"],
      ["the same title twice", doc([behaviour, { ...behaviour, title: " POST THE ROOT CAUSE " }]), "explain"],
      ["values as a string", doc([behaviour], "Ownership"), "valid"],
      [
        "values with control characters",
        doc([behaviour], [{ name: "Own\u0000ership", description: "We \u202Eown" }]),
        "valid",
      ],
    ];
    const problems = files.flatMap(([label, text, expected]) => [
      ...check(jsonReader, label, text, expected),
      ...checkValues(text),
    ]);
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("every field of a behaviour: every hostile value is refused in words, or kept safe", () => {
    const problems: string[] = [];
    const values: Hostile[] = [
      ...HOSTILE_STRINGS,
      ...FORMULAS,
      { name: "number", value: 42 },
      { name: "negative", value: -1 },
      { name: "huge", value: 1e308 },
      { name: "true", value: true },
      { name: "null", value: null },
      { name: "object", value: { a: 1 } },
      { name: "list", value: ["a"] },
    ];
    for (const key of Object.keys(behaviour)) {
      for (const h of values) {
        const item: Record<string, unknown> = {
          ...behaviour,
          [key]: key === "anchors" && typeof h.value === "string" ? [h.value] : h.value,
        };
        problems.push(...check(jsonReader, `${key}: ${h.name}`, doc([item]), "either"));
      }
    }
    expect(problems).toEqual([]);
  });
});

// Last: the suite must not quietly shrink.
describe("coverage", () => {
  it("tried enough hostile files", () => {
    console.info(`[hostile] ${tried} import cases tried`);
    expect(tried).toBeGreaterThan(5_000);
  });
});

// Hostile input, as data (issue 7). Every value here is something a browser, a script or a pasted
// spreadsheet can send: tests drive each one through every action schema and import reader, and
// expect a clear validation error or a value that is safe to store and show.

export interface Hostile {
  readonly name: string;
  readonly value: unknown;
}

export const TEN_KB = "x".repeat(10_240);
export const ONE_MB = "y".repeat(1_048_576);

/** Characters the app refuses in text people read (see CONTROL in src/lib/schemas/text.ts). */
export const CONTROL_SAMPLES: readonly Hostile[] = [
  { name: "NUL inside", value: "a\u0000b" },
  { name: "NUL alone", value: "\u0000" },
  { name: "NUL at the end of a word", value: "Platform\u0000" },
  { name: "RTL override", value: "abc\u202Edef" },
  { name: "LTR override", value: "abc\u202Ddef" },
  { name: "RTL embedding", value: "abc\u202Bdef" },
  { name: "LTR embedding", value: "abc\u202Adef" },
  { name: "pop directional formatting", value: "abc\u202Cdef" },
  { name: "RTL isolate", value: "abc\u2067def\u2069" },
  { name: "LTR isolate", value: "abc\u2066def" },
  { name: "first-strong isolate", value: "abc\u2068def" },
  { name: "bell", value: "ding\u0007dong" },
  { name: "backspace", value: "admin\u0008\u0008\u0008\u0008\u0008guest" },
  { name: "ANSI escape", value: "\u001b[31mred\u001b[0m" },
  { name: "vertical tab", value: "up\u000bdown" },
  { name: "form feed", value: "page\u000cbreak" },
  { name: "unit separator", value: "a\u001fb" },
  { name: "DEL", value: "abc\u007f" },
  { name: "C1 padding (U+0080)", value: "abc\u0080def" },
  { name: "C1 next line (U+0085)", value: "abc\u0085def" },
  { name: "C1 CSI (U+009B)", value: "abc\u009b31mdef" },
  { name: "C1 APC (U+009F)", value: "abc\u009fdef" },
];

/** Odd but legitimate text: the app stores it as data, and React escapes it when shown. */
export const ODD_TEXT: readonly Hostile[] = [
  { name: "ZWJ emoji", value: "👩‍💻" },
  { name: "emoji in a sentence", value: "Ship it 🚀 and celebrate 🎉" },
  { name: "flag emoji", value: "Team 🇳🇱 Amsterdam" },
  { name: "skin-tone emoji", value: "Thumbs 👍🏽 up" },
  { name: "combining accents", value: "Cafe\u0301 crème" },
  { name: "zalgo", value: "Z\u0337\u0322\u0353a\u0338l\u0336g\u0335o text" },
  { name: "right-to-left script", value: "שלום עולם مرحبا" },
  { name: "RTL mark (not an override)", value: "abc\u200Fdef" },
  { name: "zero-width space", value: "ab\u200Bcd" },
  { name: "BOM inside", value: "ab\uFEFFcd" },
  { name: "line separator U+2028", value: "ab\u2028cd" },
  { name: "lone surrogate", value: "ab\uD800cd" },
  { name: "tab and newline", value: "line one\n\tline two" },
  { name: "CRLF", value: "line one\r\nline two" },
  { name: "10 kB of spaces around a word", value: `${" ".repeat(5_000)}word${" ".repeat(5_000)}` },
];

export const MARKUP: readonly Hostile[] = [
  { name: "script tag", value: "<script>alert(1)</script>" },
  { name: "attribute breakout", value: '"><img src=x onerror=alert(1)>' },
  { name: "svg onload", value: "<svg/onload=alert(1)>" },
  { name: "javascript: URL", value: "javascript:alert(1)" },
  { name: "template injection", value: "{{constructor.constructor('alert(1)')()}}" },
  { name: "HTML entities", value: "&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;" },
  { name: "comment opener", value: "<!-- hidden" },
];

export const SQL: readonly Hostile[] = [
  { name: "SQL drop", value: `'; DROP TABLE "Observation"; --` },
  { name: "SQL tautology", value: "1 OR 1=1" },
  { name: "SQL quoted tautology", value: "' OR '1'='1" },
  { name: "SQL union", value: 'x\' UNION SELECT password FROM "User" --' },
  { name: "LIKE wildcards", value: "%_%" },
  { name: "backslash", value: "C:\\temp\\x" },
  { name: "placeholder", value: "$1" },
];

export const NUMBERS_AS_STRINGS: readonly Hostile[] = [
  { name: "number as string", value: "12" },
  { name: "exponent as string", value: "1e3" },
  { name: "hex as string", value: "0x10" },
  { name: "padded number", value: " 5 " },
  { name: "decimal as string", value: "3.5" },
  { name: "decimal comma", value: "1,5" },
  { name: "plus sign", value: "+7" },
  { name: "zero as string", value: "0" },
  { name: "negative zero as string", value: "-0" },
  { name: "number as word", value: "five" },
  { name: "Arabic-Indic digit", value: "٣" },
  { name: "full-width digits", value: "１２" },
];

export const NEGATIVE: readonly Hostile[] = [
  { name: "negative number", value: -1 },
  { name: "negative as string", value: "-1" },
  { name: "negative fraction", value: -0.5 },
];

export const HUGE: readonly Hostile[] = [
  { name: "1e308", value: 1e308 },
  { name: "-1e308", value: -1e308 },
  { name: "1e308 as string", value: "1e308" },
  { name: "400 nines", value: "9".repeat(400) },
  { name: "MAX_SAFE_INTEGER + 2", value: Number.MAX_SAFE_INTEGER + 2 },
  { name: "past a 32-bit column", value: 2_147_483_648 },
  { name: "past a 32-bit column, as string", value: "2147483648" },
  { name: "bigint", value: 10n ** 30n },
];

export const NON_FINITE: readonly Hostile[] = [
  { name: "NaN", value: Number.NaN },
  { name: "NaN as string", value: "NaN" },
  { name: "Infinity", value: Number.POSITIVE_INFINITY },
  { name: "-Infinity", value: Number.NEGATIVE_INFINITY },
  { name: "Infinity as string", value: "Infinity" },
];

export const INVALID_DATES: readonly Hostile[] = [
  { name: "30 February", value: "2026-02-30" },
  { name: "29 February in a common year", value: "2026-02-29" },
  { name: "month 13", value: "2026-13-01" },
  { name: "a word for a date", value: "tomorrow" },
  { name: "all-zero date", value: "0000-00-00" },
  { name: "unpadded date", value: "2026-2-3" },
  { name: "date with time", value: "2026-02-28T00:00:00Z" },
  { name: "day-month-year", value: "28/02/2026" },
  { name: "expanded year", value: "+002026-01-01" },
  { name: "Date object", value: new Date("2026-01-01T00:00:00Z") },
  { name: "invalid Date object", value: new Date("nope") },
];

export const WRONG_TYPES: readonly Hostile[] = [
  { name: "empty array", value: [] },
  { name: "array of strings", value: ["a", "b"] },
  { name: "array with a number", value: [5] },
  { name: "array with null", value: [null] },
  { name: "nested array", value: [["x"]] },
  { name: "array of hostile strings", value: ["a\u0000b", "<script>alert(1)</script>"] },
  { name: "array with a 10 kB string", value: [TEN_KB] },
  { name: "100,000-item array", value: Array.from({ length: 100_000 }, (_, i) => `id${i}`) },
  { name: "empty object", value: {} },
  { name: "object", value: { id: "x", toString: "x", valueOf: "y" } },
  { name: "null-prototype object", value: Object.create(null) as object },
  {
    name: "__proto__ object (as JSON.parse makes it)",
    value: JSON.parse('{"__proto__":{"polluted":true},"a":1}') as object,
  },
  { name: "Map", value: new Map([["a", 1]]) },
  { name: "true", value: true },
  { name: "false", value: false },
  { name: "number 42", value: 42 },
  { name: "number 0", value: 0 },
  { name: "number 3.5", value: 3.5 },
];

export const MISSING: readonly Hostile[] = [
  { name: "missing (undefined)", value: undefined },
  { name: "null", value: null },
  { name: "empty string", value: "" },
  { name: "only spaces", value: "   " },
  { name: "only a newline", value: "\n" },
];

export const SIZES: readonly Hostile[] = [
  { name: "10 kB string", value: TEN_KB },
  { name: "10 kB of emoji", value: "👩‍💻".repeat(2_048) },
  { name: "1 MB string", value: ONE_MB },
];

/** The whole corpus: every value a field is replaced by. */
export const HOSTILE: readonly Hostile[] = [
  ...SIZES,
  ...CONTROL_SAMPLES,
  ...ODD_TEXT,
  ...MARKUP,
  ...SQL,
  ...NUMBERS_AS_STRINGS,
  ...NEGATIVE,
  ...HUGE,
  ...NON_FINITE,
  ...INVALID_DATES,
  ...WRONG_TYPES,
  ...MISSING,
];

/** The string values only: what a form (FormData) or a URL can carry. */
export const HOSTILE_STRINGS: readonly (Hostile & { value: string })[] = HOSTILE.filter(
  (h): h is Hostile & { value: string } => typeof h.value === "string",
);

/** Whole bodies that are not an object at all: each must fail cleanly, never throw. */
export const WRONG_BODIES: readonly Hostile[] = [
  { name: "array", value: [] },
  { name: "array of objects", value: [{ a: 1 }] },
  { name: "string", value: "hello" },
  { name: "number", value: 42 },
  { name: "boolean", value: true },
  { name: "null", value: null },
  { name: "undefined", value: undefined },
  { name: "1 MB string", value: ONE_MB },
];

/**
 * Hostile JSON text, for fields that carry JSON (the survey builder's `questions`): broken,
 * wrong-shaped, huge and deeply nested.
 */
export const HOSTILE_JSON_TEXT: readonly Hostile[] = [
  { name: "unclosed array", value: "[" },
  { name: "empty object", value: "{}" },
  { name: "empty array", value: "[]" },
  { name: "null", value: "null" },
  { name: "a number", value: "42" },
  { name: "a string", value: '"questions"' },
  { name: "trailing comma", value: "[1,]" },
  { name: "100 kB array", value: `[${Array.from({ length: 25_000 }, () => "1").join(",")}]` },
  { name: "array past the 100,000-character limit", value: `[${Array.from({ length: 60_000 }, () => "1").join(",")}]` },
  { name: "nested depth 1000", value: `${"[".repeat(1_000)}${"]".repeat(1_000)}` },
  { name: "nested depth 49,999", value: `${"[".repeat(49_999)}${"]".repeat(49_999)}` },
  { name: "nested objects depth 1000", value: `${'{"a":'.repeat(1_000)}1${"}".repeat(1_000)}` },
  {
    name: "__proto__ key",
    value: '[{"__proto__":{"polluted":true},"text":"Do you polish?","kind":"SCREENING","options":[]}]',
  },
  { name: "NUL in JSON", value: "[\u0000]" },
  { name: "1 MB string", value: ONE_MB },
];

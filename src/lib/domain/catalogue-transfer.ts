// The catalogue as a file: CSV (one row per behaviour) or JSON, both read back by the importer.
// Pure: shaping rows for export, and reading and checking an import before anything is written.
import { z } from "@/lib/schemas/zod";
import { hasControl } from "./text";
import { csvRecords, CsvError, toCsv } from "./csv";
import type { DefinitionText } from "./behaviour";

export const CSV_COLUMNS = [
  "value",
  "title",
  "actor",
  "action",
  "trigger",
  "frequency",
  "completion_criterion",
  "customer_outcome",
  "example",
  "anchors",
  "owner_email",
  "status",
] as const;

export interface TransferBehaviour extends DefinitionText {
  value: string;
  anchors: string[];
  ownerEmail: string;
  status: string;
}

export interface TransferDocument {
  format: "conduct-catalogue";
  version: 1;
  values: { name: string; description: string }[];
  behaviours: TransferBehaviour[];
}

export function catalogueToCsv(doc: TransferDocument): string {
  return toCsv([
    [...CSV_COLUMNS],
    ...doc.behaviours.map((b) => [
      b.value,
      b.title,
      b.actor,
      b.action,
      b.trigger,
      b.frequency,
      b.completionCriterion,
      b.customerOutcome,
      b.example,
      b.anchors.join("\n"),
      b.ownerEmail,
      b.status,
    ]),
  ]);
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const field = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is missing.` })
    .trim()
    .min(min ? 1 : 0, `${label} is missing.`)
    .min(min, `${label} needs at least ${min} characters.`)
    .max(max, `${label} is longer than ${max} characters.`)
    .refine((s) => !CONTROL.test(s), `${label} contains control characters.`);

const RowSchema = z.object({
  value: field("Value", 3, 80),
  title: field("Title", 3, 120),
  actor: field("Actor", 2, 120),
  action: field("Action", 3, 300),
  trigger: field("Trigger", 3, 200),
  frequency: field("Frequency", 2, 120),
  completionCriterion: field("Completion criterion", 3, 300),
  customerOutcome: field("Customer outcome", 3, 300),
  example: field("Example", 0, 500).default(""),
  anchors: z
    .array(field("Anchor", 1, 200))
    .max(6, "Use at most 6 decision questions.")
    .default([]),
  ownerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .refine((s) => !hasControl(s), "Remove control characters from the owner e-mail.")
    .default(""),
});
export type ImportBehaviour = z.infer<typeof RowSchema>;

export interface ImportRow {
  /** 1-based line in the CSV (header = 1) or position in the JSON list. */
  line: number;
  title: string;
  behaviour: ImportBehaviour | null;
  errors: string[];
}

export const MAX_IMPORT_ROWS = 500;

/** Reads a CSV or JSON catalogue file into checked rows. Never throws for bad content. */
export function readCatalogueFile(text: string): {
  rows: ImportRow[];
  values: { name: string; description: string }[];
  fileError?: string;
} {
  const trimmed = text.trim();
  if (!trimmed) return { rows: [], values: [], fileError: "The file is empty." };
  // Each behaviour as found, with its line (of the CSV, or its place in the JSON list) and what is
  // wrong with its CSV row; `item` is null for a CSV row that cannot be read at all.
  let entries: { line: number; item: unknown; csvErrors: string[] }[];
  let values: { name: string; description: string }[] = [];
  let truncated = false;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch {
      return { rows: [], values: [], fileError: "This is not valid JSON." };
    }
    const obj = (Array.isArray(doc) ? { behaviours: doc } : doc) as { behaviours?: unknown; values?: unknown };
    if (!Array.isArray(obj.behaviours))
      return { rows: [], values: [], fileError: 'The JSON has no "behaviours" list.' };
    entries = obj.behaviours.map((item: unknown, i) => ({ line: i + 1, item, csvErrors: [] }));
    const parsedValues = z
      .array(z.object({ name: field("Value", 3, 80), description: field("Description", 0, 300).default("") }))
      .safeParse(obj.values ?? []);
    if (parsedValues.success) values = parsedValues.data;
  } else {
    try {
      const table = csvRecords(text, MAX_IMPORT_ROWS);
      const { header, records } = table;
      truncated = table.truncated;
      const missing = CSV_COLUMNS.filter(
        (c) => !["example", "anchors", "owner_email", "status"].includes(c) && !header.includes(c),
      );
      if (missing.length)
        return {
          rows: [],
          values: [],
          fileError: `The CSV is missing the column(s): ${missing.join(", ")}. Expected: ${CSV_COLUMNS.join(",")}.`,
        };
      entries = records.map(({ line, cells: r, errors }) => ({
        line,
        item: r && {
          value: r.value,
          title: r.title,
          actor: r.actor,
          action: r.action,
          trigger: r.trigger,
          frequency: r.frequency,
          completionCriterion: r.completion_criterion,
          customerOutcome: r.customer_outcome,
          example: r.example ?? "",
          anchors: (r.anchors ?? "")
            .split(/\r?\n/)
            .map((a) => a.trim())
            .filter(Boolean),
          ownerEmail: r.owner_email ?? "",
        },
        csvErrors: errors,
      }));
    } catch (err) {
      return {
        rows: [],
        values: [],
        fileError: err instanceof CsvError ? err.message : "This file cannot be read as CSV.",
      };
    }
  }
  if (truncated || entries.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      values,
      fileError: `At most ${MAX_IMPORT_ROWS} behaviours per import; this file has ${truncated ? "more" : entries.length}.`,
    };
  const seen = new Map<string, number>();
  const rows = entries.map(({ line, item, csvErrors }): ImportRow => {
    if (item === null && csvErrors.length) return { line, title: "", behaviour: null, errors: csvErrors };
    const parsed = RowSchema.safeParse(item);
    const title = typeof (item as { title?: unknown })?.title === "string" ? (item as { title: string }).title : "";
    if (!parsed.success) {
      // One message per field: the first rule it broke.
      const firstPerField = new Map<string, string>();
      for (const issue of parsed.error.issues)
        if (!firstPerField.has(String(issue.path[0]))) firstPerField.set(String(issue.path[0]), issue.message);
      return { line, title, behaviour: null, errors: [...csvErrors, ...firstPerField.values()] };
    }
    const key = parsed.data.title.toLowerCase();
    const earlier = seen.get(key);
    seen.set(key, earlier ?? line);
    return {
      line,
      title: parsed.data.title,
      behaviour: parsed.data,
      errors: [...csvErrors, ...(earlier ? [`The same title is already on line ${earlier}.`] : [])],
    };
  });
  return { rows, values };
}

import { READABLE_VERSIONS, upgradeBackup } from "@/lib/domain/backup-upgrade";
import { RETENTION_LIMITS } from "@/lib/domain/retention";
import { MIN_GROUP_SIZE_LIMITS } from "@/lib/domain/group-size";
import { z } from "./zod";
import type { InvitationLinkDto } from "./members";
import { TimeZoneName } from "./calendar";
import { CONTROL } from "@/lib/domain/text";
import { isIsoDate } from "@/lib/domain/dates";
import {
  BACKUP_ENUMS,
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  SHORT_TEXT,
  TABLE_NAMES,
  type Column,
  type JsonValue,
  type OrganisationBackup,
  type TableName,
} from "@/lib/domain/backup";

// The organisation backup as an import reads it (format in src/lib/domain/backup.ts). Every table,
// row and column is described: an unknown key, a wrong type, an oversized text or a control
// character is refused with the place it was found. References between rows are checked after
// this, by checkBackup.

export const TOO_LARGE = `The file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`;

/** The form: the uploaded file's text. */
export const BackupImportInput = z.object({
  content: z
    .string({ error: "Choose a backup file." })
    .min(1, "Choose a backup file.")
    .max(MAX_BACKUP_BYTES, TOO_LARGE),
});

const ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT4 = { min: -2_147_483_648, max: 2_147_483_647 };
const JSON_LIMITS = { depth: 12, nodes: 20_000 };

const idString = z.string().regex(ID_SHAPE, "Expected an id (letters, digits, - and _).");
const text = (max: number) =>
  z
    .string()
    .max(max, `Longer than ${max} characters.`)
    .refine((s) => !CONTROL.test(s), "Contains control characters.");
// Canonical forms only (as an export writes them), and real calendar values.
const timestamp = z
  .string()
  .regex(ISO_TIMESTAMP, "Expected a UTC date-time like 2026-01-31T09:30:00.000Z.")
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, "Not a real date-time.");
const date = z.string().regex(ISO_DATE, "Expected a date like 2026-01-31.").refine(isIsoDate, "Not a real date.");

/** Why a JSON column's value is unsafe to store (too deep, too big, a __proto__ key…), or null. */
export function jsonProblem(value: unknown): string | null {
  let nodes = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (++nodes > JSON_LIMITS.nodes) return `More than ${JSON_LIMITS.nodes} values.`;
    if (depth > JSON_LIMITS.depth) return `Nested deeper than ${JSON_LIMITS.depth} levels.`;
    if (v === null || typeof v === "boolean") return null;
    if (typeof v === "number") return Number.isFinite(v) ? null : "Not a finite number.";
    if (typeof v === "string")
      return v.length > 10_000
        ? "A text longer than 10000 characters."
        : v.includes("\u0000")
          ? "Contains a NUL character."
          : null;
    if (Array.isArray(v)) {
      for (const x of v) {
        const p = walk(x, depth + 1);
        if (p) return p;
      }
      return null;
    }
    if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) {
        if (k === "__proto__" || k.includes("\u0000") || k.length > 200)
          return `Has a key that is not allowed (${JSON.stringify(k.slice(0, 20))}).`;
        const p = walk(x, depth + 1);
        if (p) return p;
      }
      return null;
    }
    return "Not a JSON value.";
  };
  return walk(value, 0);
}

const jsonValue = z
  .custom<JsonValue>((v) => v !== undefined, "Required.")
  .superRefine((v, ctx) => {
    const p = jsonProblem(v);
    if (p) ctx.addIssue({ code: "custom", message: p });
  });

function columnSchema(c: Column): z.ZodType {
  // A nullable column may be missing, as in a file written before the column existed: it reads as null.
  const nullable = (s: z.ZodType, n?: true) => (n ? s.nullable().default(null) : s);
  switch (c.kind) {
    case "id":
      return idString;
    case "ref":
      return nullable(idString, c.nullable);
    case "text":
      return nullable(text(c.max), c.nullable);
    case "enum":
      return nullable(z.enum(BACKUP_ENUMS[c.type] as unknown as [string, ...string[]]), c.nullable);
    case "int":
      return nullable(
        z.number().int("Expected a whole number.").min(c.min, `Less than ${c.min}.`).max(INT4.max, "Too large."),
        c.nullable,
      );
    case "float":
      return nullable(z.number().min(-1e15, "Too small.").max(1e15, "Too large."), c.nullable);
    case "bool":
      return z.boolean();
    case "timestamp":
      return nullable(timestamp, c.nullable);
    case "date":
      return nullable(date, c.nullable);
    case "json":
      return nullable(jsonValue, c.nullable);
    case "texts":
      return z.array(text(c.max)).max(c.items, `More than ${c.items} items.`);
    case "ints":
      return z
        .array(z.number().int("Expected a whole number.").min(c.min, `Less than ${c.min}.`).max(c.max, "Too large."))
        .max(c.items, `More than ${c.items} items.`);
    case "mention":
      return text(200).nullable();
    case "key":
      return z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,128}$/, "Expected a key (letters, digits, - and _).")
        .nullable();
  }
}

const rowSchema = (t: TableName) =>
  z.strictObject(
    Object.fromEntries(Object.entries(BACKUP_TABLES[t].columns).map(([name, c]) => [name, columnSchema(c as Column)])),
  );

export const BackupDocument = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: timestamp,
  organisation: z.strictObject({
    name: text(SHORT_TEXT).min(1, "Required."),
    timeZone: TimeZoneName.optional(),
    weekStartsOn: z.number().int().min(1).max(7).optional(),
    leadersManageTeams: z.boolean().optional(),
    mailMode: z.enum(["SEND", "OUTBOX"]).optional(),
    observerRetentionDays: z
      .number()
      .int()
      .min(RETENTION_LIMITS.observerDays.min)
      .max(RETENTION_LIMITS.observerDays.max)
      .optional(),
    noteRetentionDays: z
      .number()
      .int()
      .min(RETENTION_LIMITS.noteDays.min)
      .max(RETENTION_LIMITS.noteDays.max)
      .optional(),
    auditRetentionDays: z
      .number()
      .int()
      .min(RETENTION_LIMITS.auditDays.min)
      .max(RETENTION_LIMITS.auditDays.max)
      .optional(),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_LIMITS.min).max(MIN_GROUP_SIZE_LIMITS.max).optional(),
  }),
  users: z.array(
    z.strictObject({
      ref: idString,
      name: text(SHORT_TEXT),
      email: z
        .string()
        .max(254, "Longer than 254 characters.")
        .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Not an e-mail address.")
        .refine((s) => !CONTROL.test(s), "Contains control characters."),
    }),
  ),
  tables: z.strictObject(
    Object.fromEntries(TABLE_NAMES.map((t) => [t, z.array(rowSchema(t))])) as unknown as Record<
      TableName,
      z.ZodArray<z.ZodType>
    >,
  ),
});

/** Where an issue was found, as a person reads it: "Observation row 13, note". */
function place(path: readonly PropertyKey[]): string {
  const [top, a, b, c] = path;
  if (top === "tables" && typeof a === "string" && typeof b === "number")
    return `${a} row ${b + 1}${c !== undefined ? `, ${String(c)}` : ""}`;
  if (top === "users" && typeof a === "number") return `user ${a + 1}${b !== undefined ? `, ${String(b)}` : ""}`;
  return path.map(String).join(".") || "the file";
}

export type BackupParse = { ok: true; data: OrganisationBackup } | { ok: false; message: string };

/** Reads a backup file's text: JSON, then this format and version, then every table's rows. */
export function parseBackupDocument(content: string): BackupParse {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return {
      ok: false,
      message: "The file is not valid JSON. Choose the .json file that Conduct's backup download produced.",
    };
  }
  const head = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (head.format !== BACKUP_FORMAT) return { ok: false, message: "This is not a Conduct organisation backup." };
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(head.version))
    return {
      ok: false,
      message: `This backup has format version ${JSON.stringify(head.version)}; this version of Conduct reads versions ${READABLE_VERSIONS.slice(0, -1).join(", ")} and ${READABLE_VERSIONS.at(-1)}.`,
    };
  raw = upgradeBackup(raw);
  const parsed = BackupDocument.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data as OrganisationBackup };
  const issue = parsed.error.issues[0]!;
  const more =
    parsed.error.issues.length > 1
      ? ` (${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? "s" : ""} after this one)`
      : "";
  return { ok: false, message: `The file cannot be imported: ${place(issue.path)}: ${issue.message}${more}` };
}

export interface BackupImportResultDto {
  /** Rows imported per table, plus "users" (the people in the file). */
  rows: Record<string, number>;
  /** One link per person of the file (the importer and disabled people aside), shown once. */
  invitations: InvitationLinkDto[];
  /** People disabled in the file: their records are kept, and they get no invitation. */
  disabled: number;
  /** The organisation's time zone after the import (the file's, when it carries one). */
  timeZone: string;
  /** Whether that zone came from the file (older files carry none, and the organisation keeps its own). */
  zoneFromFile: boolean;
}

export interface BackupOverviewDto {
  /** An import is possible: nothing here but the admin's own membership (and the audit trail). */
  empty: boolean;
  /** What the organisation holds, e.g. [{ label: "teams", count: 7 }] (only counts above zero). */
  contents: { label: string; count: number }[];
}

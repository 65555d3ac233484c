// The column kinds of the organisation backup and the helpers that describe a table's columns
// (shared by backup.ts and the tables of each feature).
import type { EnumName, TableName } from "./backup";

/** Text limits: well above what any form of the app accepts, far below what would hurt. */
export const SHORT_TEXT = 1_000;
export const LONG_TEXT = 10_000;

export type Column =
  | { kind: "id" } // the row's own id: replaced by a fresh one on import
  | { kind: "ref"; to: TableName | "User"; nullable?: true } // another row of the file (or a user's ref)
  | { kind: "text"; max: number; nullable?: true }
  | { kind: "enum"; type: EnumName; nullable?: true }
  | { kind: "int"; min: number; nullable?: true }
  | { kind: "float"; nullable?: true }
  | { kind: "bool" }
  | { kind: "timestamp"; nullable?: true } // ISO date-time, milliseconds, UTC
  | { kind: "date"; nullable?: true } // YYYY-MM-DD
  | { kind: "json"; nullable?: true } // ids of rows in the file are remapped wherever they appear
  | { kind: "texts"; items: number; max: number }
  | { kind: "ints"; items: number; min: number; max: number } // a list of whole numbers (a cue's weekdays)
  | { kind: "mention" } // AuditEvent.targetId: remapped when it names a row or user of the file, else kept
  | { kind: "key" }; // SurveyRespondent.responderKey: a keyed hash of survey and member (see the server)

export interface TableSpec {
  columns: Readonly<Record<string, Column>>;
  /** Unique keys within the organisation (the database's constraints), checked before import. */
  unique: readonly (readonly string[])[];
}

export const id = { kind: "id" } as const;
export const ref = (to: TableName | "User") => ({ kind: "ref", to }) as const;
export const optRef = (to: TableName | "User") => ({ kind: "ref", to, nullable: true }) as const;
export const short = { kind: "text", max: SHORT_TEXT } as const;
export const long = { kind: "text", max: LONG_TEXT } as const;
export const en = (type: EnumName) => ({ kind: "enum", type }) as const;
export const optEn = (type: EnumName) => ({ kind: "enum", type, nullable: true }) as const;
export const int = (min: number) => ({ kind: "int", min }) as const;
export const optInt = (min: number) => ({ kind: "int", min, nullable: true }) as const;
export const ts = { kind: "timestamp" } as const;
export const optTs = { kind: "timestamp", nullable: true } as const;
export const bool = { kind: "bool" } as const;
export const json = { kind: "json" } as const;
export const optJson = { kind: "json", nullable: true } as const;

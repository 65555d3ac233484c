import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { type IsoDate, type TimeZone } from "@/lib/domain/dates";
import { formatAt } from "@/lib/domain/date-instants";

/**
 * Issue 15 (item 11): committing the same observation file twice doubled adoption. Each import is
 * keyed by its file (a hash of its rows, so a re-saved copy with other line endings, casing or row
 * order is the same file) and each row by its content; both are looked up under a per-organisation
 * lock, so two commits of one file at the same moment cannot both pass. A repeat is refused with a
 * message naming the earlier import, unless the importer ticked "Import again anyway".
 */

export const IMPORT_ACTION = "observation.import";

type Tx = Prisma.TransactionClient;

export interface KeyedRow {
  date: IsoDate;
  teamId: string;
  behaviourId: string;
  performed: number;
  missed: number;
  note: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

/**
 * One key per row, from what the row counts (its resolved team and behaviour, so "Platform" and
 * "platform" are the same row). Identical rows within one file are numbered, so a file that counts
 * the same thing twice on purpose keeps both.
 */
export function rowKeys(rows: KeyedRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const content = JSON.stringify([r.date, r.teamId, r.behaviourId, r.performed, r.missed, r.note]);
    const n = seen.get(content) ?? 0;
    seen.set(content, n + 1);
    return `import:${sha256(`${content}#${n}`)}`;
  });
}

/** The file's key: its row keys in a fixed order, so the order of lines does not matter. */
export function fileKey(keys: string[]): string {
  return sha256([...keys].sort().join("\n"));
}

/**
 * Serialises imports within one organisation until the transaction ends. A transaction-level
 * advisory lock works on PostgreSQL and on PGlite (where it is granted at once: one connection).
 */
export async function lockImports(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`observation.import:${organizationId}`}, 0))`;
}

/**
 * Why this import would count something twice, or null: the same file was imported before (named:
 * when, by whom, how many rows), or some of its rows were (counted, with the first line).
 */
export async function repeatOf(
  tx: Tx | Pick<Tx, "auditEvent" | "observation" | "user">,
  organizationId: string,
  /** The reader's zone, for when it happened. */
  zone: TimeZone,
  file: string,
  keys: string[],
  lines: number[],
): Promise<string | null> {
  const when = (at: Date) => formatAt(at, zone, "dateTime");
  const [earlier, existing] = await Promise.all([
    tx.auditEvent.findFirst({
      where: { organizationId, action: IMPORT_ACTION, outcome: "ok", details: { path: ["sha256"], equals: file } },
      orderBy: { at: "desc" },
      select: { at: true, actorUserId: true, details: true },
    }),
    tx.observation.findMany({
      where: { organizationId, idempotencyKey: { in: keys } },
      select: { idempotencyKey: true, createdAt: true },
    }),
  ]);
  const again = "Importing it again would count these observations twice.";
  if (earlier) {
    const actor = earlier.actorUserId
      ? await tx.user.findUnique({ where: { id: earlier.actorUserId }, select: { name: true, email: true } })
      : null;
    const rows = (earlier.details as { rows?: number } | null)?.rows;
    const by = actor ? ` by ${actor.name || actor.email}` : "";
    return `This file was already imported on ${when(earlier.at)}${by} (${rows ?? "?"} rows). ${again}`;
  }
  if (existing.length === 0) return null;
  const taken = new Set(existing.map((o) => o.idempotencyKey));
  const first = keys.findIndex((k) => taken.has(k));
  const at = new Date(existing.reduce((a, o) => Math.min(a, o.createdAt.getTime()), Infinity));
  return (
    `${existing.length} of these ${keys.length} rows (the first on line ${lines[first]}) were already imported ` +
    `on ${when(at)}. ${again}`
  );
}

/** On a confirmed repeat, rows whose key is taken get a fresh one: the first import keeps its keys. */
export async function freeKeys(tx: Tx, organizationId: string, keys: string[], importId: string): Promise<string[]> {
  const existing = await tx.observation.findMany({
    where: { organizationId, idempotencyKey: { in: keys } },
    select: { idempotencyKey: true },
  });
  const taken = new Set(existing.map((o) => o.idempotencyKey));
  return keys.map((k) => (taken.has(k) ? `${k}:${importId}` : k));
}

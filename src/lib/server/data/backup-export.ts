import "server-only";
import { authorize } from "../authorize";
import { database, db } from "../db";
import { recordAudit } from "../audit";
import { pushStream } from "../text-stream";
import { Prisma } from "@/generated/prisma/client";
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  TABLE_NAMES,
  columnsOf,
  hasId,
  type BackupRow,
  type BackupUser,
  type JsonValue,
  type TableName,
} from "@/lib/domain/backup";
import { fromDateOnly } from "@/lib/domain/dates";
import type { MemberContext } from "./accounts";
import { invitedEmails } from "./backup-people";
import { delegate, type Client } from "./backup-delegate";
import { keysetPages, orderByOf, type KeyOrder } from "./keyset";
import { freshStatistics } from "./statistics";

// The organisation backup, streamed (docs/decisions/016, the format of decision 008): the same one
// JSON document as before, written table by table and page by page, so memory stays flat however
// large the organisation is and the embedded database serves other requests between pages.

/** Streaming a large organisation to a slow reader may take a while; the snapshot is read-only. */
const SNAPSHOT_TRANSACTION = { timeout: 60 * 60_000, maxWait: 60_000 };

// The big tables page along their organisation index (by id they would scan every organisation's rows).
const ORDER: Partial<Record<TableName, KeyOrder>> = {
  Observation: [
    ["occurredAt", "asc"],
    ["id", "asc"],
  ],
  AuditEvent: [
    ["at", "asc"],
    ["id", "asc"],
  ],
  MetricReading: [
    ["date", "asc"],
    ["id", "asc"],
  ],
};
const orderOf = (t: TableName): KeyOrder =>
  ORDER[t] ?? (hasId(t) ? [["id", "asc"]] : BACKUP_TABLES[t].unique[0]!.map((k) => [k, "asc"] as const));

/** The column that says when a row was made, for the embedded database's cut-off (see below). */
const madeAt = (t: TableName) => ["createdAt", "at"].find((c) => c in BACKUP_TABLES[t].columns);

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);

function toBackupRow(table: TableName, row: Record<string, unknown>, members: ReadonlySet<string>): BackupRow {
  const out: BackupRow = {};
  for (const [name, col] of columnsOf(table)) {
    const v = row[name];
    if (col.kind === "timestamp") out[name] = iso(v);
    else if (col.kind === "date") out[name] = v instanceof Date ? fromDateOnly(v) : null;
    else if (col.kind === "ref" && col.to === "User") out[name] = typeof v === "string" && members.has(v) ? v : null;
    else out[name] = (v ?? null) as JsonValue;
  }
  return out;
}

/** Tables other rows refer to: their ids are kept (they are small) to check every reference. */
const REFERENCED = new Set(
  TABLE_NAMES.flatMap((t) => columnsOf(t).flatMap(([, c]) => (c.kind === "ref" && c.to !== "User" ? [c.to] : []))),
);

/**
 * Fails the export when a row refers to one that is not in the file, which an import would refuse:
 * only possible on the embedded database, when a row changes between pages (see decision 016). A
 * download that breaks off is better than a backup that cannot be restored.
 */
class References {
  private seen = new Map<string, Set<string>>();
  private pending: [string, string, string][] = [];
  add(t: TableName, row: BackupRow) {
    if (REFERENCED.has(t)) {
      let ids = this.seen.get(t);
      if (!ids) this.seen.set(t, (ids = new Set()));
      ids.add(row.id as string);
    }
    for (const [name, col] of columnsOf(t))
      if (col.kind === "ref" && col.to !== "User" && row[name] !== null) {
        // A parent in the same table may come later in the file: checked when the table ends.
        if (col.to === t) this.pending.push([`${t}.${name}`, t, row[name] as string]);
        else this.check(`${t}.${name}`, col.to, row[name] as string);
      }
  }
  endTable() {
    for (const [where, to, id] of this.pending) this.check(where, to, id);
    this.pending = [];
  }
  private check(where: string, to: string, id: string) {
    if (!this.seen.get(to)?.has(id))
      throw new Error(`backup export: ${where} refers to a ${to} that is not in the file (changed during the export)`);
  }
}

type Write = (text: string) => Promise<void>;

/**
 * Writes the document: exactly JSON.stringify of decision 008's shape (format, version, exportedAt,
 * organisation, users, tables in TABLE_NAMES order). `cutoff` leaves out rows made after it.
 */
async function writeBackup(
  client: Client,
  ctx: MemberContext,
  now: Date,
  write: Write,
  counts: Record<string, number>,
  cutoff: Date | null,
) {
  const org = await client.organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: {
      name: true,
      timeZone: true,
      weekStartsOn: true,
      leadersManageTeams: true,
      mailMode: true,
      observerRetentionDays: true,
      noteRetentionDays: true,
      auditRetentionDays: true,
      minGroupSize: true,
    },
  });
  const found = await client.user.findMany({
    where: { memberships: { some: { organizationId: ctx.orgId } } },
    select: { id: true, name: true, email: true, placeholder: true },
    orderBy: { email: "asc" },
  });
  const invited = await invitedEmails(
    client,
    ctx.orgId,
    found.filter((u) => u.placeholder).map((u) => u.id),
  );
  const users: BackupUser[] = found.map((u) => ({ ref: u.id, name: u.name, email: invited.get(u.id) ?? u.email }));
  const members = new Set(users.map((u) => u.ref));
  counts.users = users.length;
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    organisation: org,
    users,
  };
  await write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
  const refs = new References();
  for (const [i, t] of TABLE_NAMES.entries()) {
    await write(`${i ? "," : ""}${JSON.stringify(t)}:[`);
    const select = Object.fromEntries(columnsOf(t).map(([n]) => [n, true as const]));
    const order = orderOf(t);
    for (const [k] of order) select[k] = true;
    const made = cutoff && madeAt(t);
    const where = { organizationId: ctx.orgId, ...(made ? { [made]: { lte: cutoff } } : {}) };
    let n = 0;
    const pages = keysetPages(order, (after, take) =>
      delegate(client, t).findMany({
        where: after ? { AND: [where, after] } : where,
        select,
        orderBy: orderByOf(order),
        take,
      }),
    );
    for await (const page of pages) {
      const rows = page.map((r) => toBackupRow(t, r, members));
      for (const r of rows) refs.add(t, r);
      await write(`${n ? "," : ""}${rows.map((r) => JSON.stringify(r)).join(",")}`);
      n += rows.length;
    }
    refs.endTable();
    counts[t] = n;
    await write("]");
  }
  await write("}}");
}

/**
 * Every row the organisation owns, as one JSON document streamed page by page. Members appear as
 * { ref, name, email } only. On PostgreSQL the pages are read in one read-only repeatable-read
 * transaction (its own connection), so the file is one consistent moment. The embedded database
 * has one connection, and a transaction held for the whole download would stop every other
 * request: there each page is its own statement, rows made after the export began are left out,
 * and a reference to a row missing from the file fails the export (decision 016). The export is
 * audited with its row counts, as failed when it broke off.
 */
export async function exportOrganisation(ctx: MemberContext, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  await authorize(ctx, "members.manage");
  return pushStream(async (write) => {
    const counts: Record<string, number> = {};
    let complete = false;
    try {
      // Before the snapshot: ANALYZE cannot run in a read-only transaction.
      await freshStatistics(TABLE_NAMES);
      if (database().kind === "postgres")
        await db().$transaction(
          async (tx) => {
            await tx.$executeRaw`SET TRANSACTION READ ONLY`;
            await writeBackup(tx, ctx, now, write, counts, null);
          },
          { ...SNAPSHOT_TRANSACTION, isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
        );
      else await writeBackup(db(), ctx, now, write, counts, new Date());
      complete = true;
    } finally {
      await recordAudit({
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "organization.backup-export",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: complete ? "ok" : "failed",
        details: complete ? counts : { ...counts, complete: false },
      });
    }
  });
}

import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { randomBytes } from "node:crypto";
import { retryOnDeadlock } from "../db-errors";
import { fileKey, freeKeys, IMPORT_ACTION, lockImports, repeatOf, rowKeys } from "./observation-import-repeat";
import { observationsToCsv, readObservationCsv } from "@/lib/domain/observation-csv";
import { dayOf, middayOf, type TimeZone } from "@/lib/domain/dates";
import type { ObservationFilter, ObservationImportPreviewDto } from "@/lib/schemas/observations";
import { observationWhere } from "./observations";
import { EXPORT_PAGE_SIZE, keysetPages, orderByOf, type KeyOrder } from "./keyset";
import { pushStream } from "../text-stream";
import { freshStatistics } from "./statistics";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

async function check(ctx: MemberContext, text: string, now: Date) {
  await authorize(ctx, "observations.import");
  const file = readObservationCsv(text, dayOf(now, ctx.timeZone));
  const [teams, behaviours] = await Promise.all([
    db().team.findMany({ where: { organizationId: ctx.orgId, kind: "TEAM" }, select: { id: true, name: true } }),
    db().behaviour.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE", deletedAt: null },
      select: { id: true, title: true, parentId: true },
    }),
  ]);
  const teamByName = new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
  // A variant's title counts for its parent, as when logging.
  const behaviourByTitle = new Map(behaviours.map((b) => [b.title.toLowerCase(), b.parentId ?? b.id]));
  const rows = file.rows.map((r) => {
    const errors = [...r.errors];
    const teamId = r.team ? teamByName.get(r.team.toLowerCase()) : undefined;
    const behaviourId = r.behaviour ? behaviourByTitle.get(r.behaviour.toLowerCase()) : undefined;
    if (r.team && !teamId) errors.push(`No team called “${r.team}”.`);
    if (r.behaviour && !behaviourId) errors.push(`No active behaviour titled “${r.behaviour}”.`);
    return { ...r, errors, teamId, behaviourId };
  });
  return { fileError: file.fileError, rows };
}

// A commit may wait for another import of the organisation (the lock) and writes up to 5,000 rows.
const IMPORT_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

type Checked = Awaited<ReturnType<typeof check>>["rows"][number];

/** Rows without errors, with their team and behaviour, in the order they are written. */
const resolved = (rows: Checked[]) =>
  inSummaryOrder(rows.map((r) => ({ ...r, teamId: r.teamId!, behaviourId: r.behaviourId! })));

async function repeatWarning(orgId: string, zone: TimeZone, rows: ReturnType<typeof resolved>): Promise<string | null> {
  const keys = rowKeys(rows);
  return repeatOf(
    db(),
    orgId,
    zone,
    fileKey(keys),
    keys,
    rows.map((r) => r.line),
  );
}

export async function previewObservationImport(
  ctx: MemberContext,
  text: string,
  now = new Date(),
): Promise<ObservationImportPreviewDto> {
  const { fileError, rows } = await check(ctx, text, now);
  const ok = rows.filter((r) => r.errors.length === 0);
  // Said at preview so the importer can decide; checked again, under the lock, at commit.
  const repeat =
    !fileError && ok.length === rows.length && rows.length > 0
      ? await repeatWarning(ctx.orgId, ctx.displayTimeZone, resolved(rows))
      : null;
  return {
    fileError: fileError ?? null,
    repeat,
    rows: rows.map(({ line, date, team, behaviour, performed, missed, errors }) => ({
      line,
      date,
      team,
      behaviour,
      performed,
      missed,
      errors,
    })),
    importable: fileError ? 0 : rows.filter((r) => r.errors.length === 0).length,
  };
}

/**
 * All rows or none. Imported counts have no observer: they come from another tool. A file (or any
 * of its rows) imported before is refused, naming the earlier import, unless `repeat` confirms it.
 */
export async function commitObservationImport(
  ctx: MemberContext,
  text: string,
  options: { repeat?: boolean } = {},
  now = new Date(),
): Promise<number> {
  const { fileError, rows: checked } = await check(ctx, text, now);
  if (fileError) throw new RuleError(fileError);
  const bad = checked.filter((r) => r.errors.length > 0).length;
  if (bad) throw new RuleError(`${bad} row(s) have errors; nothing was imported. Fix them and preview again.`);
  if (checked.length === 0) throw new RuleError("There is nothing to import.");
  const rows = resolved(checked);
  const keys = rowKeys(rows);
  const file = fileKey(keys);
  await retryOnDeadlock(() =>
    db().$transaction(async (tx) => {
      await lockImports(tx, ctx.orgId);
      const repeat = await repeatOf(
        tx,
        ctx.orgId,
        ctx.displayTimeZone,
        file,
        keys,
        rows.map((r) => r.line),
      );
      if (repeat && !options.repeat) throw new RuleError(repeat, "repeat");
      const free = repeat ? await freeKeys(tx, ctx.orgId, keys, randomBytes(6).toString("base64url")) : keys;
      await tx.observation.createMany({
        data: rows.map((r, i) => ({
          organizationId: ctx.orgId,
          behaviourId: r.behaviourId,
          teamId: r.teamId,
          occurredAt: middayOf(r.date, ctx.timeZone),
          dayOnly: true,
          performed: r.performed,
          missed: r.missed,
          note: r.note,
          source: "IMPORT" as const,
          idempotencyKey: free[i],
        })),
      });
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: IMPORT_ACTION,
          outcome: "ok",
          details: { rows: rows.length, sha256: file, repeat: Boolean(repeat) },
        },
        tx,
      );
    }, IMPORT_TRANSACTION),
  );
  return rows.length;
}

/**
 * Rows in (behaviour, team, day) order: the daily-summary trigger locks one summary row per
 * observation, so two imports touching the same rows lock them in the same order and cannot
 * deadlock (issue 15, item 12). Any bulk write of observations must keep this order.
 */
export function inSummaryOrder<T extends { behaviourId: string; teamId: string; date: string }>(rows: T[]): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => cmp(a.behaviourId, b.behaviourId) || cmp(a.teamId, b.teamId) || cmp(a.date, b.date));
}

const EXPORT_ORDER: KeyOrder = [
  ["occurredAt", "desc"],
  ["id", "desc"],
];

/**
 * The filtered observations as CSV, newest first: every one of them, streamed in keyset pages
 * (issue 15, item 13: it stopped at 100,000 rows without saying so). Team and behaviour names are
 * read once; an organisation has few of them and many observations.
 */
export async function exportObservationsCsv(
  ctx: MemberContext,
  filter: ObservationFilter,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  const where = observationWhere(ctx, filter);
  return pushStream(async (write) => {
    await freshStatistics(["Observation"]);
    const [teams, behaviours] = await Promise.all([
      db().team.findMany({ where: { organizationId: ctx.orgId }, select: { id: true, name: true } }),
      db().behaviour.findMany({ where: { organizationId: ctx.orgId }, select: { id: true, title: true } }),
    ]);
    const team = new Map(teams.map((t) => [t.id, t.name]));
    const behaviour = new Map(behaviours.map((b) => [b.id, b.title]));
    await write(observationsToCsv([]));
    const pages = keysetPages(
      EXPORT_ORDER,
      (after, take) =>
        db().observation.findMany({
          where: after ? { AND: [where, after as Prisma.ObservationWhereInput] } : where,
          orderBy: orderByOf(EXPORT_ORDER),
          take,
          select: {
            id: true,
            occurredAt: true,
            performed: true,
            missed: true,
            note: true,
            teamId: true,
            behaviourId: true,
          },
        }),
      pageSize,
    );
    for await (const rows of pages) {
      const csv = rows.map((r) => ({
        date: dayOf(r.occurredAt, ctx.timeZone),
        team: team.get(r.teamId) ?? "",
        behaviour: behaviour.get(r.behaviourId) ?? "",
        performed: r.performed,
        missed: r.missed,
        note: r.note,
      }));
      await write(observationsToCsv(csv, false));
    }
  });
}

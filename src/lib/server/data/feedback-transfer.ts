import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { retryOnDeadlock } from "../db-errors";
import { dateOnly, dayOf, type TimeZone } from "@/lib/domain/dates";
import { formatAt } from "@/lib/domain/date-instants";
import { feedbackToCsv, readFeedbackCsv, SENTIMENT_LABELS, SOURCE_LABELS } from "@/lib/domain/feedback";
import type { FeedbackFilter, FeedbackImportPreviewDto, FeedbackRowDto } from "@/lib/schemas/feedback";
import type { Prisma } from "@/generated/prisma/client";
import { afterCursor, FEEDBACK_ORDER, FEEDBACK_SELECT, feedbackWhere, toFeedbackRow } from "./feedback";
import type { MemberContext } from "./accounts";

export const FEEDBACK_IMPORT_ACTION = "feedback.import";

type Tx = Prisma.TransactionClient;

/** Several links in one cell are separated by ";" (as the export writes them). */
const names = (cell: string) =>
  cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

async function check(ctx: MemberContext, text: string, now: Date) {
  await authorize(ctx, "feedback.manage");
  const file = readFeedbackCsv(text, dayOf(now, ctx.timeZone));
  const org = ctx.orgId;
  const [behaviours, barriers, metrics, teams] = await Promise.all([
    db().behaviour.findMany({
      where: { organizationId: org, deletedAt: null, status: { not: "RETIRED" } },
      select: { id: true, title: true, parentId: true },
    }),
    db().barrier.findMany({ where: { organizationId: org, deletedAt: null }, select: { id: true, title: true } }),
    db().metric.findMany({ where: { organizationId: org, deletedAt: null }, select: { id: true, name: true } }),
    db().team.findMany({
      where: { organizationId: org, kind: "TEAM", archivedAt: null },
      select: { id: true, name: true },
    }),
  ]);
  // A variant's title counts for its parent, as when logging.
  const lookups = {
    behaviour: new Map(behaviours.map((b) => [b.title.toLowerCase(), b.parentId ?? b.id])),
    barrier: new Map(barriers.map((b) => [b.title.toLowerCase(), b.id])),
    metric: new Map(metrics.map((m) => [m.name.toLowerCase(), m.id])),
    team: new Map(teams.map((t) => [t.name.toLowerCase(), t.id])),
  };
  const missing = {
    behaviour: "No behaviour titled",
    barrier: "No barrier titled",
    metric: "No metric called",
    team: "No team called",
  };
  const rows = file.rows.map((r) => {
    const errors = [...r.errors];
    const resolve = (kind: keyof typeof lookups) =>
      [
        ...new Set(
          names(r[kind]).flatMap((n) => {
            const id = lookups[kind].get(n.toLowerCase());
            if (!id) errors.push(`${missing[kind]} “${n}”.`);
            return id ? [id] : [];
          }),
        ),
      ].sort();
    const links = {
      behaviourIds: resolve("behaviour"),
      barrierIds: resolve("barrier"),
      metricIds: resolve("metric"),
      teamIds: resolve("team"),
    };
    return { ...r, errors, links };
  });
  return { fileError: file.fileError, rows };
}

type Checked = Awaited<ReturnType<typeof check>>["rows"][number];

const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

/**
 * The file's key: a hash of what its rows say (resolved links, so "Platform" and "platform" are one
 * row), in a fixed order, so a re-saved copy with other line endings, casing or row order is the same file.
 */
export function feedbackFileKey(rows: Checked[]): string {
  const lines = rows.map((r) =>
    JSON.stringify([r.quote, r.source, r.date, r.customer.toLowerCase(), r.sentiment, r.links]),
  );
  return `feedback:${sha256(lines.sort().join("\n"))}`;
}

/** Why this file may not be imported (it was, before), or null. */
async function repeatOf(
  tx: Tx | ReturnType<typeof db>,
  orgId: string,
  zone: TimeZone,
  key: string,
): Promise<string | null> {
  const when = (at: Date) => formatAt(at, zone, "dateTime");
  const [earlier, count] = await Promise.all([
    tx.customerFeedback.findFirst({
      where: { organizationId: orgId, importKey: key },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, createdBy: { select: { user: { select: { name: true } } } } },
    }),
    tx.customerFeedback.count({ where: { organizationId: orgId, importKey: key } }),
  ]);
  if (!earlier) return null;
  return (
    `This file was already imported on ${when(earlier.createdAt)} by ${earlier.createdBy.user.name} ` +
    `(${count} items). Importing it again would count what these customers said twice.`
  );
}

/** Serialises feedback imports within one organisation until the transaction ends (PostgreSQL and PGlite). */
async function lockImports(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${FEEDBACK_IMPORT_ACTION}:${orgId}`}, 0))`;
}

const linkText = (r: Checked) => [r.behaviour, r.barrier, r.metric, r.team].filter(Boolean).join(" · ");

export async function previewFeedbackImport(
  ctx: MemberContext,
  text: string,
  now = new Date(),
): Promise<FeedbackImportPreviewDto> {
  const { fileError, rows } = await check(ctx, text, now);
  const clean = !fileError && rows.length > 0 && rows.every((r) => r.errors.length === 0);
  // Said at preview; checked again, under the lock, at commit.
  const repeat = clean ? await repeatOf(db(), ctx.orgId, ctx.displayTimeZone, feedbackFileKey(rows)) : null;
  return {
    fileError: fileError ?? repeat ?? null,
    repeat,
    rows: rows.map((r) => ({
      line: r.line,
      quote: r.quote,
      source: r.source ? SOURCE_LABELS[r.source] : "",
      date: r.date,
      customer: r.customer,
      sentiment: r.sentiment ? SENTIMENT_LABELS[r.sentiment] : "",
      links: linkText(r),
      errors: r.errors,
    })),
    importable: fileError || repeat ? 0 : rows.filter((r) => r.errors.length === 0).length,
  };
}

const IMPORT_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/** All rows or none; the same file twice is refused, naming the earlier import. */
export async function commitFeedbackImport(ctx: MemberContext, text: string, now = new Date()): Promise<number> {
  const { fileError, rows } = await check(ctx, text, now);
  if (fileError) throw new RuleError(fileError);
  const bad = rows.filter((r) => r.errors.length > 0).length;
  if (bad) throw new RuleError(`${bad} row(s) have errors; nothing was imported. Fix them and preview again.`);
  if (rows.length === 0) throw new RuleError("There is nothing to import.");
  const key = feedbackFileKey(rows);
  await retryOnDeadlock(() =>
    db().$transaction(async (tx) => {
      await lockImports(tx, ctx.orgId);
      const repeat = await repeatOf(tx, ctx.orgId, ctx.displayTimeZone, key);
      if (repeat) throw new RuleError(repeat);
      // Ids made here (cuid-shaped) so each row's links know their item without relying on RETURNING order.
      const created = rows.map(() => ({ id: `c${randomBytes(12).toString("hex")}` }));
      await tx.customerFeedback.createMany({
        data: rows.map((r, i) => ({
          id: created[i]!.id,
          organizationId: ctx.orgId,
          quote: r.quote,
          source: r.source!,
          receivedOn: dateOnly(r.date),
          customer: r.customer,
          sentiment: r.sentiment!,
          importKey: key,
          createdById: ctx.membershipId,
        })),
      });
      const pairs = <K extends string>(k: K, pick: (r: Checked) => string[]) =>
        rows.flatMap((r, i) =>
          pick(r).map((id) => ({ organizationId: ctx.orgId, feedbackId: created[i]!.id, [k]: id })),
        );
      await tx.feedbackBehaviour.createMany({
        data: pairs("behaviourId", (r) => r.links.behaviourIds) as Prisma.FeedbackBehaviourCreateManyInput[],
      });
      await tx.feedbackBarrier.createMany({
        data: pairs("barrierId", (r) => r.links.barrierIds) as Prisma.FeedbackBarrierCreateManyInput[],
      });
      await tx.feedbackMetric.createMany({
        data: pairs("metricId", (r) => r.links.metricIds) as Prisma.FeedbackMetricCreateManyInput[],
      });
      await tx.feedbackTeam.createMany({
        data: pairs("teamId", (r) => r.links.teamIds) as Prisma.FeedbackTeamCreateManyInput[],
      });
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: FEEDBACK_IMPORT_ACTION,
          outcome: "ok",
          details: { rows: rows.length, sha256: key },
        },
        tx,
      );
    }, IMPORT_TRANSACTION),
  );
  return rows.length;
}

export const EXPORT_PAGE = 500;

/**
 * The filtered feedback as CSV, newest first, in pages of EXPORT_PAGE rows (keyset), so memory stays
 * flat however many there are and nothing is silently left out. The first chunk holds the header.
 */
export async function* feedbackCsvChunks(ctx: MemberContext, filter: FeedbackFilter): AsyncGenerator<string> {
  const where = feedbackWhere(ctx, filter);
  let after: { receivedOn: string; id: string } | null = null;
  let first = true;
  for (;;) {
    const cursor: Prisma.CustomerFeedbackWhereInput = after ? { AND: [where, afterCursor(after)] } : where;
    const page = await db().customerFeedback.findMany({
      where: cursor,
      orderBy: FEEDBACK_ORDER,
      take: EXPORT_PAGE,
      select: FEEDBACK_SELECT,
    });
    const rows: FeedbackRowDto[] = page.map(toFeedbackRow);
    if (rows.length || first)
      yield feedbackToCsv(
        rows.map((r) => ({
          quote: r.quote,
          source: r.source,
          date: r.receivedOn,
          customer: r.customer,
          sentiment: r.sentiment,
          behaviours: r.behaviours.map((x) => x.name),
          barriers: r.barriers.map((x) => x.name),
          metrics: r.metrics.map((x) => x.name),
          teams: r.teams.map((x) => x.name),
          story: r.isStory,
        })),
        first,
      );
    first = false;
    if (page.length < EXPORT_PAGE) return;
    const last = rows.at(-1)!;
    after = { receivedOn: last.receivedOn, id: last.id };
  }
}

/** The whole export as one string (tests; the route streams the chunks). */
export async function exportFeedbackCsv(ctx: MemberContext, filter: FeedbackFilter): Promise<string> {
  let out = "";
  for await (const chunk of feedbackCsvChunks(ctx, filter)) out += chunk;
  return out;
}

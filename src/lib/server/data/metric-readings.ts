import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { readingsToCsv, readReadingCsv } from "@/lib/domain/metric-csv";
import type { ReadingImportPreviewDto, ReadingInput } from "@/lib/schemas/metrics";
import { currentDay, dateOnly, fromDateOnly } from "@/lib/domain/dates";
import { authorize } from "../authorize";
import type { MemberContext } from "./accounts";
import type { Prisma } from "@/generated/prisma/client";
import { EXPORT_PAGE_SIZE, keysetPages, orderByOf, type KeyOrder } from "./keyset";
import { pushStream } from "../text-stream";
import { freshStatistics } from "./statistics";

const formatValue = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 4 });
const computedMessage = (title: string) =>
  `This metric is computed from the adoption of “${title}”; it takes no typed readings.`;

/**
 * Records one reading. A metric has one value per team (or organisation-wide) and day, so a second reading for the
 * same day replaces the first: a correction, not a duplicate that would skew the weekly mean.
 */
export async function addReading(
  ctx: MemberContext,
  input: ReadingInput,
  today: string = currentDay(ctx.timeZone),
): Promise<void> {
  await authorize(ctx, "metrics.manage");
  if (input.date > today) throw new RuleError("A reading cannot be dated in the future.", "date");
  await db().$transaction(async (tx) => {
    const [metric, team] = await Promise.all([
      tx.metric.findFirst({
        where: { id: input.metricId, organizationId: ctx.orgId, deletedAt: null },
        select: { id: true, sourceBehaviour: { select: { title: true } }, sourceBehaviourId: true },
      }),
      input.teamId ? tx.team.count({ where: { id: input.teamId, organizationId: ctx.orgId, kind: "TEAM" } }) : 1,
    ]);
    if (!metric) throw new NotFoundError();
    if (metric.sourceBehaviourId) throw new RuleError(computedMessage(metric.sourceBehaviour?.title ?? "a behaviour"));
    if (!team) throw new RuleError("Choose a team of your organisation.", "teamId");
    const key = { organizationId: ctx.orgId, metricId: metric.id, teamId: input.teamId, date: dateOnly(input.date) };
    const replaced = await tx.metricReading.deleteMany({ where: key });
    await tx.metricReading.create({ data: { ...key, value: input.value } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "metric.reading",
        targetType: "Metric",
        targetId: metric.id,
        outcome: "ok",
        details: { date: input.date, teamId: input.teamId, replaced: replaced.count },
      },
      tx,
    );
  });
}

/** Every row matched to the organisation's metrics and teams, with the readings it would replace. */
async function check(ctx: MemberContext, text: string, today: string) {
  await authorize(ctx, "metrics.manage");
  const file = readReadingCsv(text, today);
  if (file.fileError) return { fileError: file.fileError, rows: [] };
  const [metrics, teams] = await Promise.all([
    db().metric.findMany({
      where: { organizationId: ctx.orgId, deletedAt: null },
      select: { id: true, name: true, sourceBehaviourId: true },
    }),
    db().team.findMany({ where: { organizationId: ctx.orgId, kind: "TEAM" }, select: { id: true, name: true } }),
  ]);
  const metricByName = new Map(metrics.map((m) => [m.name.toLowerCase(), m]));
  const teamByName = new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
  const rows = file.rows.map((r) => {
    const errors = [...r.errors];
    const metric = r.metric ? metricByName.get(r.metric.toLowerCase()) : undefined;
    const teamId = r.team ? (teamByName.get(r.team.toLowerCase()) ?? null) : null;
    if (r.metric && !metric) errors.push(`No metric called “${r.metric}”.`);
    if (metric?.sourceBehaviourId)
      errors.push(`“${metric.name}” is computed from a behaviour's adoption; it takes no readings.`);
    if (r.team && !teamId) errors.push(`No team called “${r.team}”.`);
    return { ...r, errors, warnings: [] as string[], metricId: metric?.id ?? null, teamId };
  });
  const good = rows.filter((r) => r.errors.length === 0);
  const existing = good.length
    ? await db().metricReading.findMany({
        where: {
          organizationId: ctx.orgId,
          metricId: { in: [...new Set(good.map((r) => r.metricId!))] },
          date: { in: [...new Set(good.map((r) => r.date))].map((d) => dateOnly(d)) },
        },
        orderBy: { createdAt: "asc" },
        select: { metricId: true, teamId: true, date: true, value: true },
      })
    : [];
  const current = new Map(existing.map((e) => [`${e.metricId}/${e.teamId ?? ""}/${fromDateOnly(e.date)}`, e.value]));
  for (const r of good) {
    const old = current.get(`${r.metricId}/${r.teamId ?? ""}/${r.date}`);
    if (old !== undefined) r.warnings.push(`Replaces the reading of ${formatValue(old)} for that day.`);
  }
  return { fileError: null, rows };
}

export async function previewReadingImport(
  ctx: MemberContext,
  text: string,
  today: string = currentDay(ctx.timeZone),
): Promise<ReadingImportPreviewDto> {
  const { fileError, rows } = await check(ctx, text, today);
  return {
    fileError,
    rows: rows.map(({ line, date, metric, team, value, errors, warnings }) => ({
      line,
      date,
      metric,
      team,
      value,
      errors,
      warnings,
    })),
    importable: fileError ? 0 : rows.filter((r) => r.errors.length === 0).length,
  };
}

const CHUNK = 500;

/** All rows or none; a row for a metric, team and day that already has a reading replaces it. */
export async function commitReadingImport(
  ctx: MemberContext,
  text: string,
  today: string = currentDay(ctx.timeZone),
): Promise<number> {
  const { fileError, rows } = await check(ctx, text, today);
  if (fileError) throw new RuleError(fileError);
  const bad = rows.filter((r) => r.errors.length > 0).length;
  if (bad) throw new RuleError(`${bad} row(s) have errors; nothing was imported. Fix them and preview again.`);
  if (rows.length === 0) throw new RuleError("There is nothing to import.");
  const data = rows.map((r) => ({
    organizationId: ctx.orgId,
    metricId: r.metricId!,
    teamId: r.teamId,
    date: dateOnly(r.date),
    value: r.value!,
  }));
  await db().$transaction(
    async (tx) => {
      let replaced = 0;
      for (let i = 0; i < data.length; i += CHUNK) {
        const slice = data.slice(i, i + CHUNK);
        replaced += (
          await tx.metricReading.deleteMany({
            where: {
              organizationId: ctx.orgId,
              OR: slice.map(({ metricId, teamId, date }) => ({ metricId, teamId, date })),
            },
          })
        ).count;
        await tx.metricReading.createMany({ data: slice });
      }
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: "metric.import",
          outcome: "ok",
          details: { rows: data.length, replaced },
        },
        tx,
      );
    },
    { timeout: 60_000 },
  );
  return data.length;
}

const EXPORT_ORDER: KeyOrder = [
  ["date", "desc"],
  ["id", "asc"],
];

/** Every typed reading of the organisation's metrics as CSV (the import's format), newest first, streamed in keyset pages. */
export async function exportReadingsCsv(
  ctx: MemberContext,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  await authorize(ctx, "dashboards.view");
  const where: Prisma.MetricReadingWhereInput = {
    organizationId: ctx.orgId,
    metric: { deletedAt: null, sourceBehaviourId: null },
  };
  return pushStream(async (write) => {
    await freshStatistics(["MetricReading"]);
    const [metrics, teams] = await Promise.all([
      db().metric.findMany({ where: { organizationId: ctx.orgId }, select: { id: true, name: true } }),
      db().team.findMany({ where: { organizationId: ctx.orgId }, select: { id: true, name: true } }),
    ]);
    const metric = new Map(metrics.map((m) => [m.id, m.name]));
    const team = new Map(teams.map((t) => [t.id, t.name]));
    await write(readingsToCsv([]));
    const pages = keysetPages(
      EXPORT_ORDER,
      (after, take) =>
        db().metricReading.findMany({
          where: after ? { AND: [where, after as Prisma.MetricReadingWhereInput] } : where,
          orderBy: orderByOf(EXPORT_ORDER),
          take,
          select: { id: true, date: true, value: true, metricId: true, teamId: true },
        }),
      pageSize,
    );
    for await (const rows of pages)
      await write(
        readingsToCsv(
          rows.map((r) => ({
            date: fromDateOnly(r.date),
            metric: metric.get(r.metricId) ?? "",
            team: r.teamId ? (team.get(r.teamId) ?? "") : "",
            value: r.value,
          })),
          false,
        ),
      );
  });
}

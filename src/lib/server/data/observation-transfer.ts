import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { observationsToCsv, readObservationCsv } from "@/lib/domain/observation-csv";
import { dayOf, middayOf } from "@/lib/domain/dates";
import type { ObservationFilter, ObservationImportPreviewDto } from "@/lib/schemas/observations";
import { observationWhere } from "./observations";
import type { MemberContext } from "./accounts";

async function check(ctx: MemberContext, text: string, now: Date) {
  await authorize(ctx, "observations.import");
  const file = readObservationCsv(text, dayOf(now));
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

export async function previewObservationImport(
  ctx: MemberContext,
  text: string,
  now = new Date(),
): Promise<ObservationImportPreviewDto> {
  const { fileError, rows } = await check(ctx, text, now);
  return {
    fileError: fileError ?? null,
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

/** All rows or none. Imported counts have no observer: they come from another tool. */
export async function commitObservationImport(ctx: MemberContext, text: string, now = new Date()): Promise<number> {
  const { fileError, rows } = await check(ctx, text, now);
  if (fileError) throw new RuleError(fileError);
  const bad = rows.filter((r) => r.errors.length > 0).length;
  if (bad) throw new RuleError(`${bad} row(s) have errors; nothing was imported. Fix them and preview again.`);
  if (rows.length === 0) throw new RuleError("There is nothing to import.");
  await db().$transaction(async (tx) => {
    await tx.observation.createMany({
      data: rows.map((r) => ({
        organizationId: ctx.orgId,
        behaviourId: r.behaviourId!,
        teamId: r.teamId!,
        occurredAt: middayOf(r.date),
        performed: r.performed,
        missed: r.missed,
        note: r.note,
        source: "IMPORT" as const,
      })),
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "observation.import",
        outcome: "ok",
        details: { rows: rows.length },
      },
      tx,
    );
  });
  return rows.length;
}

/** The filtered observations as CSV, newest first (at most 100,000 rows). */
export async function exportObservationsCsv(ctx: MemberContext, filter: ObservationFilter): Promise<string> {
  const rows = await db().observation.findMany({
    where: observationWhere(ctx, filter),
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 100_000,
    select: {
      occurredAt: true,
      performed: true,
      missed: true,
      note: true,
      team: { select: { name: true } },
      behaviour: { select: { title: true } },
    },
  });
  return observationsToCsv(
    rows.map((r) => ({
      date: dayOf(r.occurredAt),
      team: r.team.name,
      behaviour: r.behaviour.title,
      performed: r.performed,
      missed: r.missed,
      note: r.note,
    })),
  );
}

import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { RuleError } from "../errors";
import { behaviourSentence } from "@/lib/domain/behaviour";
import { addDays, currentDay, weekStart } from "@/lib/domain/dates";
import type {
  AdoptionQuery,
  AdoptionRowOut,
  ApiReadingInput,
  BehaviourOut,
  MetricOut,
  ObservationOut,
  Paged,
  ReadingOut,
  TabulationOut,
  TeamOut,
} from "@/lib/schemas/api";
import { requireScope, type ApiCaller } from "./api-tokens";
import { afterRow } from "./keyset";
import { addReading } from "./metric-readings";
import { surveyTabulation } from "./surveys";
import { groupProtection } from "./group-size";

// The token API's reads and the metric push (issue 20, docs/decisions/031). Every list is keyset
// paged: the cursor is the last row's sort keys, opaque to the client (base64url of JSON).

interface PageArgs {
  limit: number;
  cursor?: string | undefined;
}

function readCursor(cursor: string | undefined, arity: number): string[] | undefined {
  if (!cursor) return undefined;
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(keys) && keys.length === arity && keys.every((k) => typeof k === "string")) return keys;
  } catch {
    // fall through: a cursor we did not write
  }
  throw new RuleError("This cursor is not one this API gave out.", "cursor");
}

const writeCursor = (keys: string[]) => Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");

/** The first `limit` of `rows` (read with take: limit + 1) and the cursor to the next page. */
function paged<R, T>(rows: R[], limit: number, keys: (r: R) => string[], map: (r: R) => T): Paged<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(map), nextCursor: rows.length > limit && last ? writeCursor(keys(last)) : null };
}

const afterId = (cursor: string | undefined) => {
  const keys = readCursor(cursor, 1);
  return keys ? { id: { gt: keys[0] } } : {};
};

export async function apiBehaviours(caller: ApiCaller, q: PageArgs): Promise<Paged<BehaviourOut>> {
  const ctx = requireScope(caller, "catalogue:read");
  const rows = await db().behaviour.findMany({
    where: { organizationId: ctx.orgId, deletedAt: null, ...afterId(q.cursor) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: {
      id: true,
      title: true,
      status: true,
      parentId: true,
      actor: true,
      action: true,
      trigger: true,
      frequency: true,
    },
  });
  return paged(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      title: r.title,
      sentence: behaviourSentence(r),
      status: r.status,
      parentId: r.parentId,
    }),
  );
}

export async function apiTeams(caller: ApiCaller, q: PageArgs): Promise<Paged<TeamOut>> {
  const ctx = requireScope(caller, "catalogue:read");
  const rows = await db().team.findMany({
    where: { organizationId: ctx.orgId, ...afterId(q.cursor) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: { id: true, name: true, kind: true, parentId: true, archivedAt: true },
  });
  return paged(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      parentId: r.parentId,
      archived: r.archivedAt !== null,
    }),
  );
}

export async function apiMetrics(caller: ApiCaller, q: PageArgs): Promise<Paged<MetricOut>> {
  const ctx = requireScope(caller, "catalogue:read");
  const rows = await db().metric.findMany({
    where: { organizationId: ctx.orgId, deletedAt: null, ...afterId(q.cursor) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: { id: true, name: true, unit: true, sourceBehaviourId: true },
  });
  return paged(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      computed: r.sourceBehaviourId !== null,
    }),
  );
}

const OBSERVATION_ORDER = [
  ["createdAt", "asc"],
  ["id", "asc"],
] as const;

/** Entries in the order they were recorded; no observer is named (the API is the organisation's). */
export async function apiObservations(
  caller: ApiCaller,
  q: PageArgs & { behaviourId?: string | undefined; teamId?: string | undefined },
): Promise<Paged<ObservationOut>> {
  const ctx = requireScope(caller, "observations:read");
  const keys = readCursor(q.cursor, 2);
  const rows = await db().observation.findMany({
    where: {
      organizationId: ctx.orgId,
      ...(q.behaviourId ? { behaviourId: q.behaviourId } : {}),
      ...(q.teamId ? { teamId: q.teamId } : {}),
      ...(keys ? afterRow(OBSERVATION_ORDER, { createdAt: cursorDate(keys[0]!), id: keys[1] }) : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    select: {
      id: true,
      behaviourId: true,
      teamId: true,
      occurredAt: true,
      dayOnly: true,
      performed: true,
      missed: true,
      note: true,
      source: true,
      createdAt: true,
    },
  });
  return paged(
    rows,
    q.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

function cursorDate(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RuleError("This cursor is not one this API gave out.", "cursor");
  return d;
}

/** A reading from the tool that owns the metric: the same rules as one typed on the metric's page. */
export async function apiAddReading(caller: ApiCaller, metricId: string, input: ApiReadingInput): Promise<ReadingOut> {
  const ctx = requireScope(caller, "metrics:write");
  await addReading(ctx, { metricId, date: input.date, teamId: input.teamId, value: input.value });
  return { metricId, date: input.date, teamId: input.teamId, value: input.value };
}

interface AdoptionRow {
  week: string;
  behaviourId: string;
  teamId: string;
  performed: number;
  missed: number;
}

/**
 * Adoption per behaviour, team and week of the organisation (its week start), from the daily
 * summary: one GROUP BY, keyset paged on (week, behaviour, team).
 */
export async function apiAdoption(caller: ApiCaller, q: AdoptionQuery): Promise<Paged<AdoptionRowOut>> {
  const ctx = requireScope(caller, "adoption:read");
  await authorize(ctx, "dashboards.view");
  const today = currentDay(ctx.timeZone);
  const to = q.to ?? today;
  const from = weekStart(q.from ?? addDays(today, -7 * 12), ctx.weekStartsOn);
  if (from > to) throw new RuleError("The first day comes after the last.", "from");
  const keys = readCursor(q.cursor, 3);
  const groups = await groupProtection(ctx);
  const rows = await db().$queryRaw<AdoptionRow[]>`
    WITH w AS (
      SELECT ("day" - ((EXTRACT(ISODOW FROM "day")::int - ${ctx.weekStartsOn}::int + 7) % 7))::date AS week,
             "behaviourId", "teamId", sum("performed")::int AS performed, sum("missed")::int AS missed
        FROM "ObservationDaily"
       WHERE "organizationId" = ${ctx.orgId} AND "day" >= ${from}::date AND "day" <= ${to}::date
         AND (${q.behaviourId ?? null}::text IS NULL OR "behaviourId" = ${q.behaviourId ?? null}::text)
         AND (${q.teamId ?? null}::text IS NULL OR "teamId" = ${q.teamId ?? null}::text)
       GROUP BY 1, 2, 3
    )
    SELECT to_char(week, 'YYYY-MM-DD') AS week, "behaviourId", "teamId", performed, missed
      FROM w
     WHERE ${keys ? 1 : 0}::int = 0
        OR (to_char(week, 'YYYY-MM-DD'), "behaviourId", "teamId") > (${keys?.[0] ?? ""}::text, ${keys?.[1] ?? ""}::text, ${keys?.[2] ?? ""}::text)
     ORDER BY week, "behaviourId", "teamId"
     LIMIT ${q.limit + 1}::int`;
  return paged(
    rows,
    q.limit,
    (r) => [r.week, r.behaviourId, r.teamId],
    (r) => {
      // A team too small to show keeps its row (nothing is left out silently) but not its figures (decision 039).
      const suppressed = groups.suppressed.get(r.teamId) ?? null;
      if (suppressed) return { ...r, performed: null, missed: null, adoption: null, suppressed };
      return { ...r, adoption: r.performed + r.missed > 0 ? r.performed / (r.performed + r.missed) : null, suppressed };
    },
  );
}

export async function apiSurveyTabulation(caller: ApiCaller, surveyId: string): Promise<TabulationOut> {
  const ctx = requireScope(caller, "adoption:read");
  const t = await surveyTabulation(ctx, surveyId);
  return {
    survey: {
      id: t.survey.id,
      title: t.survey.title,
      status: t.survey.status,
      closed: t.survey.closed,
      behaviourId: t.survey.behaviour.id,
      behaviourTitle: t.survey.behaviour.title,
    },
    doers: t.doers,
    nonDoers: t.nonDoers,
    prevalence: t.prevalence,
    warning: t.warning,
    rows: t.rows.map((r) => ({
      questionId: r.questionId,
      question: r.question,
      determinant: r.determinant,
      optionId: r.optionId,
      response: r.response,
      stats: r.stats,
    })),
  };
}

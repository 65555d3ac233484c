import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getMetric, listMetrics, metricOptions, metricsAudit, metricSeries } from "@/lib/server/data/metrics";
import { createMetric, metricForEdit, setMetricBehaviours, updateMetric } from "@/lib/server/data/metric-editor";
import {
  addReading,
  commitReadingImport,
  exportReadingsCsv,
  previewReadingImport,
} from "@/lib/server/data/metric-readings";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { describeTargetRule } from "@/lib/domain/outcomes";
import { MetricInput, ReadingInput } from "@/lib/schemas/metrics";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildBehaviour, buildMember, buildObservations, buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";
import { readText } from "./support/read-text";

// A fixed "today" for every status and every future-date check: Wednesday 2026-10-28.
const TODAY = "2026-10-28";
const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function scenario() {
  const s = await buildOrgScenario(db());
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  return { s, manager, member };
}

const input = (over: Record<string, unknown> = {}) =>
  MetricInput.parse({
    name: "Customer retention",
    unit: "%",
    description: "Share of customers renewing",
    kind: "CUSTOMER_OUTCOME",
    timing: "LAGGING",
    direction: "UP",
    ownerId: "",
    teamIds: [],
    sourceBehaviourId: "",
    targetType: "AT_LEAST",
    targetValue: "90",
    targetDate: "",
    ...over,
  });

const reading = (metricId: string, date: string, value: number | string, teamId: string | null = null) =>
  ReadingInput.parse({ metricId, date, value: String(value), teamId: teamId ?? "" });

/** Expects a RuleError beside `field`. */
async function ruleOn(p: Promise<unknown>, field: string | undefined, message?: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RuleError);
  expect((err as RuleError).field).toBe(field);
  if (message) expect((err as RuleError).message).toMatch(message);
}

describe("defining metrics", () => {
  it("creates and updates a metric, refusing a save over someone else's", async () => {
    const { s, manager } = await scenario();
    const team = await buildTeam(db(), s.org.id, { name: "Alpha team" });
    const id = await createMetric(manager, input({ ownerId: s.leader.membership.id, teamIds: [team.id, s.team.id] }));

    const detail = await getMetric(manager, id, TODAY);
    expect(detail).toMatchObject({
      name: "Customer retention",
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "UP",
      description: "Share of customers renewing",
      ownerName: s.leader.user.name,
      target: "stay at or above 90 %",
      targetType: "AT_LEAST",
      targetValue: 90,
      targetDate: null,
      latest: null,
      derivedFrom: null,
      behaviours: [],
      behaviourTitles: [],
      readings: [],
      teamReadings: [],
      readingsTotal: 0,
      teamReadingsTotal: 0,
      teams: [
        { id: team.id, name: "Alpha team" },
        { id: s.team.id, name: s.team.name },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    });
    expect(detail.verdict).toMatchObject({ status: "NO_DATA", rule: describeTargetRule("AT_LEAST") });
    expect(
      await db().auditEvent.count({ where: { organizationId: s.org.id, action: "metric.create", targetId: id } }),
    ).toBe(1);

    const form = await metricForEdit(manager, id);
    expect(form.values).toEqual({
      name: "Customer retention",
      unit: "%",
      description: "Share of customers renewing",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "UP",
      ownerId: s.leader.membership.id,
      teamIds: expect.arrayContaining([team.id, s.team.id]),
      sourceBehaviourId: "",
      targetType: "AT_LEAST",
      targetValue: "90",
      targetDate: "",
    });
    expect(form.version).toBe(1);

    await updateMetric(
      manager,
      id,
      form.version,
      input({
        name: "Net retention",
        targetType: "INCREASE_TO",
        targetValue: "95.5",
        targetDate: "2027-03-31",
        teamIds: [team.id],
      }),
    );
    const updated = await getMetric(manager, id, TODAY);
    expect(updated).toMatchObject({
      name: "Net retention",
      ownerName: null,
      target: "increase to 95.5 % by 2027-03-31",
      teamNames: ["Alpha team"],
    });
    expect(updated.verdict.rule).toBe(describeTargetRule("INCREASE_TO"));

    // The first form, still open elsewhere, is now stale: refused, nothing changed.
    const before = await db().metric.findUniqueOrThrow({ where: { id } });
    await ruleOn(
      updateMetric(manager, id, form.version, input({ name: "Overwritten" })),
      undefined,
      /Someone else saved this metric/,
    );
    expect(await db().metric.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db().metricTeam.count({ where: { metricId: id } })).toBe(1);
  });

  it("refuses a stale save even when the other write shares its millisecond", async () => {
    const { s, manager } = await scenario();
    const id = await createMetric(manager, input({ name: `Same millisecond ${Date.now()}` }));
    const opened = await metricForEdit(manager, id);
    const loadedAt = (await db().metric.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt;
    await updateMetric(manager, id, opened.version, input({ name: `First ${Date.now()}` }));
    await db().metric.update({ where: { id }, data: { updatedAt: loadedAt } });
    await ruleOn(
      updateMetric(manager, id, opened.version, input({ name: "Lost update" })),
      undefined,
      /Someone else saved this metric/,
    );
    expect((await metricForEdit(manager, id)).version).toBe(opened.version + 1);
    expect(s.org.id).toBeTruthy();
  });

  it("keeps metric names unique per organisation whatever their case", async () => {
    const { s, manager } = await scenario();
    const other = await scenario();
    await createMetric(manager, input());
    const second = await createMetric(
      manager,
      input({ name: "Time to resolution", unit: "hours", direction: "DOWN", targetType: "AT_MOST", targetValue: "24" }),
    );
    const before = await dataCounts();
    await ruleOn(createMetric(manager, input({ name: "  CUSTOMER retention " })), "name", /already has this name/);
    const { version } = await metricForEdit(manager, second);
    await ruleOn(updateMetric(manager, second, version, input({ name: "customer Retention" })), "name");
    expect(await dataCounts()).toEqual(before);
    // Another organisation may use the same name.
    await createMetric(other.manager, input());
    expect((await listMetrics(manager, TODAY)).map((m) => m.name)).toEqual([
      "Customer retention",
      "Time to resolution",
    ]);
    expect(await db().metric.count({ where: { organizationId: s.org.id } })).toBe(2);
  });

  it("refuses an owner, team or behaviour of another organisation, writing nothing", async () => {
    const { s, manager } = await scenario();
    const other = await buildOrgScenario(db());
    const disabled = await buildMember(db(), s.org.id, "LEADER");
    await db().membership.update({ where: { id: disabled.membership.id }, data: { status: "DISABLED" } });
    const valueStream = await buildTeam(db(), s.org.id, { name: "A value stream", kind: "VALUE_STREAM" });
    const id = await createMetric(manager, input({ teamIds: [s.team.id] }));
    const { version } = await metricForEdit(manager, id);
    const before = await dataCounts();

    await ruleOn(createMetric(manager, input({ name: "Other", ownerId: other.leader.membership.id })), "ownerId");
    await ruleOn(createMetric(manager, input({ name: "Other", ownerId: disabled.membership.id })), "ownerId");
    await ruleOn(createMetric(manager, input({ name: "Other", teamIds: [s.team.id, other.team.id] })), "teamIds");
    await ruleOn(createMetric(manager, input({ name: "Other", teamIds: [valueStream.id] })), "teamIds");
    await ruleOn(
      createMetric(manager, input({ name: "Other", sourceBehaviourId: other.behaviour.id })),
      "sourceBehaviourId",
    );
    await ruleOn(updateMetric(manager, id, version, input({ teamIds: [other.team.id] })), "teamIds");
    await ruleOn(updateMetric(manager, id, version, input({ ownerId: other.admin.membership.id })), "ownerId");
    await ruleOn(setMetricBehaviours(manager, id, [s.behaviour.id, other.behaviour.id]), "behaviourIds");
    await ruleOn(addReading(manager, reading(id, "2026-10-20", 91, other.team.id), TODAY), "teamId");
    expect(await dataCounts()).toEqual(before);

    const options = await metricOptions(manager);
    expect(options.owners.map((o) => o.id).sort()).toEqual(
      [s.admin, s.leader, s.manager, s.member].map((m) => m.membership.id).sort(),
    );
    expect(options.teams).toEqual([{ id: s.team.id, name: s.team.name }]);
    expect(options.behaviours).toEqual([{ id: s.behaviour.id, name: s.behaviour.title }]);
  });

  it("links the behaviours meant to move a metric", async () => {
    const { s, manager } = await scenario();
    const second = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Answer within a day" },
    );
    const id = await createMetric(manager, input());
    await setMetricBehaviours(manager, id, [s.behaviour.id, second.id, second.id]);
    expect((await getMetric(manager, id, TODAY)).behaviours).toEqual([
      { id: second.id, title: "Answer within a day" },
      { id: s.behaviour.id, title: s.behaviour.title },
    ]);
    await setMetricBehaviours(manager, id, [s.behaviour.id]);
    expect((await listMetrics(manager, TODAY))[0]!.behaviourTitles).toEqual([s.behaviour.title]);
    expect(
      await db().auditEvent.count({ where: { organizationId: s.org.id, action: "metric.behaviours", targetId: id } }),
    ).toBe(2);
  });
});

describe("readings", () => {
  it("lists the latest readings and says how many there are in all, never leaving any out silently", async () => {
    const { s, manager } = await scenario();
    const id = await createMetric(manager, input({ teamIds: [s.team.id] }));
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 7, 1 + i)));
    await db().metricReading.createMany({
      data: days.flatMap((date, i) => [
        { organizationId: s.org.id, metricId: id, teamId: null, date, value: i },
        ...(i < 3 ? [{ organizationId: s.org.id, metricId: id, teamId: s.team.id, date, value: i }] : []),
      ]),
    });
    const detail = await getMetric(manager, id, TODAY);
    expect([detail.readings.length, detail.readingsTotal]).toEqual([52, 60]);
    expect(detail.readings.at(-1)).toEqual({ date: "2026-09-29", value: 59 });
    expect([detail.teamReadings.length, detail.teamReadingsTotal]).toEqual([3, 3]);
  });

  it("replaces a reading for the same metric, team and day, and refuses future dates", async () => {
    const { s, manager } = await scenario();
    const id = await createMetric(manager, input({ teamIds: [s.team.id] }));
    await addReading(manager, reading(id, "2026-10-20", 91), TODAY);
    await addReading(manager, reading(id, "2026-10-20", "92.5"), TODAY);
    await addReading(manager, reading(id, "2026-10-20", 80, s.team.id), TODAY);
    await addReading(manager, reading(id, "2026-10-21", 88, s.team.id), TODAY);
    await addReading(manager, reading(id, "2026-10-21", 87, s.team.id), TODAY);
    expect(await db().metricReading.count({ where: { metricId: id } })).toBe(3);

    const detail = await getMetric(manager, id, TODAY);
    expect(detail.readings).toEqual([{ date: "2026-10-20", value: 92.5 }]);
    expect(detail.teamReadings).toEqual([
      { date: "2026-10-20", team: s.team.name, value: 80 },
      { date: "2026-10-21", team: s.team.name, value: 87 },
    ]);
    // Team readings never stand in for the organisation's figure.
    expect(detail.latest).toEqual({ date: "2026-10-20", value: 92.5 });
    expect(detail.verdict.status).toBe("ON_TRACK");

    const before = await dataCounts();
    await ruleOn(addReading(manager, reading(id, "2026-10-29", 91), TODAY), "date", /future/);
    await expect(
      addReading(manager, { metricId: "does-not-exist", date: "2026-10-20", teamId: null, value: 1 }, TODAY),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await dataCounts()).toEqual(before);
    expect(await db().auditEvent.count({ where: { organizationId: s.org.id, action: "metric.reading" } })).toBe(5);
    // A blank value is no reading (it would coerce to 0), and a decimal comma is not a number.
    for (const value of ["", "  ", "12,5"])
      expect(
        ReadingInput.safeParse({ metricId: id, date: "2026-10-20", teamId: "", value }).error?.issues[0]?.message,
      ).toBe("Enter a number.");
  });

  it("computes a derived metric from observations and refuses typed readings for it", async () => {
    const { s, manager } = await scenario();
    const other = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    const team2 = await buildTeam(db(), s.org.id);
    const obs = (behaviourId: string, teamId: string, day: string, performed: number, missed: number) => ({
      organizationId: s.org.id,
      behaviourId,
      teamId,
      occurredAt: at(day),
      performed,
      missed,
    });
    await buildObservations(db(), [
      // Week of Mon 12 Oct: 4 performed of 5 opportunities (two teams, two days) = 80 %.
      obs(s.behaviour.id, s.team.id, "2026-10-12", 3, 0),
      obs(s.behaviour.id, team2.id, "2026-10-16", 1, 1),
      // Week of 19 Oct: 3 of 4, under the 5 opportunities a rate needs: no value.
      obs(s.behaviour.id, s.team.id, "2026-10-20", 3, 1),
      // Week of 26 Oct: 3 of 6 = 50 %; the day after "today" does not count yet.
      obs(s.behaviour.id, s.team.id, "2026-10-26", 2, 2),
      obs(s.behaviour.id, team2.id, "2026-10-28", 1, 1),
      obs(s.behaviour.id, team2.id, "2026-10-29", 9, 0),
      // Another behaviour's observations are not this metric's.
      obs(other.id, s.team.id, "2026-10-13", 0, 9),
    ]);
    const id = await createMetric(
      manager,
      input({
        name: "Root cause adoption",
        sourceBehaviourId: s.behaviour.id,
        timing: "LEADING",
        targetType: "AT_LEAST",
        targetValue: "60",
      }),
    );

    const detail = await getMetric(manager, id, TODAY);
    expect(detail.derivedFrom).toEqual({ id: s.behaviour.id, title: s.behaviour.title });
    expect(detail.readings).toEqual([
      { date: "2026-10-12", value: 80 },
      { date: "2026-10-26", value: 50 },
    ]);
    expect(detail.latest).toEqual({ date: "2026-10-26", value: 50 });
    expect(detail.verdict.status).toBe("OFF_TRACK");
    expect((await listMetrics(manager, TODAY))[0]).toMatchObject({
      latest: { date: "2026-10-26", value: 50 },
      verdict: { status: "OFF_TRACK" },
    });

    expect((await metricSeries(manager, id, "2026-10-01", TODAY)).weekly).toEqual([
      { weekStart: "2026-10-12", value: 80 },
      { weekStart: "2026-10-26", value: 50 },
    ]);
    expect((await metricSeries(manager, id, "2026-10-19", "2026-10-25")).weekly).toEqual([]);

    const before = await dataCounts();
    await ruleOn(addReading(manager, reading(id, "2026-10-20", 70), TODAY), undefined, /computed from the adoption of/);
    expect(await dataCounts()).toEqual(before);
    // Adoption is measured in %: a derived metric with another unit is refused before it reaches the data layer.
    expect(MetricInput.safeParse({ ...input(), sourceBehaviourId: s.behaviour.id, unit: "points" }).success).toBe(
      false,
    );
  });

  it("gives weekly means of the organisation-wide readings in a period", async () => {
    const { s, manager } = await scenario();
    const id = await createMetric(manager, input());
    for (const [date, value] of [
      ["2026-10-05", 90],
      ["2026-10-07", 94],
      ["2026-10-13", 80],
      ["2026-10-26", 70],
    ] as const)
      await addReading(manager, reading(id, date, value), TODAY);
    await addReading(manager, reading(id, "2026-10-06", 10, s.team.id), TODAY);
    expect((await metricSeries(manager, id, "2026-10-01", "2026-10-20")).weekly).toEqual([
      { weekStart: "2026-10-05", value: 92 },
      { weekStart: "2026-10-12", value: 80 },
    ]);
    await ruleOn(metricSeries(manager, id, "2026-10-20", "2026-10-01"), undefined);
  });
});

describe("importing readings", () => {
  it("checks every row, imports all rows or none, and replaces readings of the same day", async () => {
    const { s, manager } = await scenario();
    const retention = await createMetric(manager, input());
    const derived = await createMetric(manager, input({ name: "Adoption", sourceBehaviourId: s.behaviour.id }));
    await addReading(manager, reading(retention, "2026-10-20", 12), TODAY);

    const bad = [
      "date,metric,team,value",
      "2026-10-20,customer retention,,93",
      "2026-10-21,Churn,,5",
      '2026-10-21,Customer retention,,"12,5"',
      "2026-10-29,Customer retention,,90",
      "2026-10-22,Customer retention,Nowhere,90",
      "2026-10-22,Adoption,,90",
    ].join("\n");
    const preview = await previewReadingImport(manager, bad, TODAY);
    expect(preview.fileError).toBeNull();
    expect(preview.importable).toBe(1);
    expect(preview.rows.map((r) => [r.line, r.value, r.errors, r.warnings])).toEqual([
      [2, 93, [], ["Replaces the reading of 12 for that day."]],
      [3, 5, ["No metric called “Churn”."], []],
      [4, null, ["Write decimals with a point: 12.5, not 12,5."], []],
      [5, 90, ["Date is in the future."], []],
      [6, 90, ["No team called “Nowhere”."], []],
      [7, 90, ["“Adoption” is computed from a behaviour's adoption; it takes no readings."], []],
    ]);
    const before = await dataCounts();
    await ruleOn(commitReadingImport(manager, bad, TODAY), undefined, /5 row\(s\) have errors; nothing was imported/);
    expect(await dataCounts()).toEqual(before);

    const good = [
      "date,metric,team,value",
      "2026-10-20,customer retention,,93",
      `2026-10-21,Customer retention,${s.team.name.toUpperCase()},88.25`,
      "2026-10-22,Customer retention,,-1.5",
    ].join("\n");
    expect(await commitReadingImport(manager, good, TODAY)).toBe(3);
    const rows = await db().metricReading.findMany({
      where: { metricId: retention },
      orderBy: { date: "asc" },
      select: { date: true, teamId: true, value: true },
    });
    expect(rows.map((r) => [r.date.toISOString().slice(0, 10), r.teamId, r.value])).toEqual([
      ["2026-10-20", null, 93],
      ["2026-10-21", s.team.id, 88.25],
      ["2026-10-22", null, -1.5],
    ]);
    expect(await db().metricReading.count({ where: { metricId: derived } })).toBe(0);
    expect(
      await db().auditEvent.findFirst({
        where: { organizationId: s.org.id, action: "metric.import" },
        select: { details: true },
      }),
    ).toEqual({ details: { rows: 3, replaced: 1 } });

    // The export is the import's format: importing it again changes nothing.
    const csv = await readText(exportReadingsCsv(manager));
    expect(csv.split("\r\n")[0]).toBe("date,metric,team,value");
    expect(await commitReadingImport(manager, csv, TODAY)).toBe(3);
    expect(await db().metricReading.count({ where: { metricId: retention } })).toBe(3);

    await ruleOn(commitReadingImport(manager, "date,metric\n2026-10-20,x", TODAY), undefined, /missing the column/);
    await ruleOn(commitReadingImport(manager, "date,metric,team,value\n", TODAY), undefined, /nothing to import/);
  });
});

describe("metric status", () => {
  it("judges each metric on its organisation-wide readings against its target", async () => {
    const { s, manager } = await scenario();
    const mk = (name: string, over: Record<string, unknown>) => createMetric(manager, input({ name, ...over }));
    const below = await mk("A below an at-least target", { ownerId: s.leader.membership.id, teamIds: [s.team.id] });
    const falling = await mk("B falling towards the target", {});
    const under = await mk("C under an at-most target", {
      unit: "hours",
      direction: "DOWN",
      targetType: "AT_MOST",
      targetValue: "24",
    });
    const old = await mk("D with an old reading", {});
    await mk("E without a target", { targetType: "", targetValue: "" });
    await mk("F without readings", {});
    const gone = await mk("G deleted", {});
    await setMetricBehaviours(manager, below, [s.behaviour.id]);

    await addReading(manager, reading(below, "2026-10-26", 85), TODAY);
    await addReading(manager, reading(below, "2026-10-27", 99, s.team.id), TODAY);
    for (const [date, value] of [
      ["2026-10-14", 100],
      ["2026-10-21", 96],
      ["2026-10-28", 92],
    ] as const)
      await addReading(manager, reading(falling, date, value), TODAY);
    await addReading(manager, reading(under, "2026-10-01", 20), TODAY);
    // Older than the 12-week trend window, yet still the latest reading.
    await addReading(manager, reading(old, "2026-01-05", 95), TODAY);
    await addReading(manager, reading(gone, "2026-10-01", 95), TODAY);
    await db().metric.update({ where: { id: gone }, data: { deletedAt: new Date() } });

    const rows = await listMetrics(manager, TODAY);
    expect(rows.map((r) => [r.name, r.verdict.status, r.latest])).toEqual([
      ["A below an at-least target", "OFF_TRACK", { date: "2026-10-26", value: 85 }],
      ["B falling towards the target", "AT_RISK", { date: "2026-10-28", value: 92 }],
      ["C under an at-most target", "ON_TRACK", { date: "2026-10-01", value: 20 }],
      ["D with an old reading", "ON_TRACK", { date: "2026-01-05", value: 95 }],
      ["E without a target", "NO_TARGET", null],
      ["F without readings", "NO_DATA", null],
    ]);
    expect(rows[0]).toMatchObject({
      ownerName: s.leader.user.name,
      target: "stay at or above 90 %",
      behaviourTitles: [s.behaviour.title],
      teamNames: [s.team.name],
      derivedFrom: null,
      unit: "%",
    });
    expect(rows[0]!.verdict.rule).toBe(describeTargetRule("AT_LEAST"));
    expect(rows[1]!.verdict).toMatchObject({ trendPerWeek: -4, projected: 76 });
    expect(rows[2]!.verdict.rule).toBe(describeTargetRule("AT_MOST"));
    expect(rows[4]!.verdict.rule).toBe("No target set.");
    // As of an earlier day, later readings do not exist yet.
    expect((await listMetrics(manager, "2026-10-20")).find((r) => r.id === falling)!.latest).toEqual({
      date: "2026-10-14",
      value: 100,
    });
    await expect(getMetric(manager, gone, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("organisations and roles", () => {
  it("treats another organisation's metric as not found everywhere and never lists it", async () => {
    const { s, manager } = await scenario();
    const other = await scenario();
    const mine = await createMetric(manager, input());
    const theirs = await createMetric(
      other.manager,
      input({ name: "Their secret metric", ownerId: other.s.leader.membership.id }),
    );
    await addReading(other.manager, reading(theirs, "2026-10-20", 50), TODAY);
    const { version } = await metricForEdit(other.manager, theirs);
    const before = await dataCounts();

    await expect(getMetric(manager, theirs, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(metricSeries(manager, theirs, "2026-10-01", TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(metricForEdit(manager, theirs)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMetric(manager, theirs, version, input({ name: "Hijacked" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(setMetricBehaviours(manager, theirs, [s.behaviour.id])).rejects.toBeInstanceOf(NotFoundError);
    await expect(addReading(manager, reading(theirs, "2026-10-21", 1), TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const preview = await previewReadingImport(
      manager,
      "date,metric,team,value\n2026-10-21,Their secret metric,,1",
      TODAY,
    );
    expect(preview.rows[0]!.errors).toEqual(["No metric called “Their secret metric”."]);
    expect(await dataCounts()).toEqual(before);

    expect((await listMetrics(manager, TODAY)).map((m) => m.id)).toEqual([mine]);
    const audit = await metricsAudit(manager, TODAY);
    expect(audit.summary.total).toBe(1);
    expect(JSON.stringify(audit)).not.toContain(theirs);
    expect(await readText(exportReadingsCsv(manager))).not.toContain("Their secret metric");
    expect((await metricOptions(manager)).owners.map((o) => o.id)).not.toContain(other.s.leader.membership.id);
  });

  it("refuses members (role MEMBER) every read and write", async () => {
    const { s, manager, member } = await scenario();
    const id = await createMetric(manager, input());
    const { version } = await metricForEdit(manager, id);
    const before = await dataCounts();
    const refused: ((ctx: MemberContext) => Promise<unknown>)[] = [
      (c) => listMetrics(c, TODAY),
      (c) => getMetric(c, id, TODAY),
      (c) => metricSeries(c, id, "2026-10-01", TODAY),
      (c) => metricOptions(c),
      (c) => metricsAudit(c, TODAY),
      (c) => metricForEdit(c, id),
      (c) => createMetric(c, input({ name: "Sneaky" })),
      (c) => updateMetric(c, id, version, input({ name: "Sneaky" })),
      (c) => setMetricBehaviours(c, id, [s.behaviour.id]),
      (c) => addReading(c, reading(id, "2026-10-20", 1), TODAY),
      (c) => previewReadingImport(c, "date,metric,team,value\n2026-10-20,Customer retention,,1", TODAY),
      (c) => commitReadingImport(c, "date,metric,team,value\n2026-10-20,Customer retention,,1", TODAY),
      (c) => exportReadingsCsv(c),
    ];
    for (const call of refused) await expect(call(member)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await dataCounts()).toEqual(before);
    // Leaders and admins may do what managers do.
    const leader = await contextFor(s.leader.user.id, s.org.id);
    await addReading(leader, reading(id, "2026-10-20", 1), TODAY);
    expect((await listMetrics(await contextFor(s.admin.user.id, s.org.id), TODAY))[0]!.latest).toEqual({
      date: "2026-10-20",
      value: 1,
    });
  });
});

describe("metrics audit", () => {
  it("counts customer outcomes against internal processes, now and month by month, and names the gaps", async () => {
    const { s, manager } = await scenario();
    const mk = async (name: string, kind: string, createdAt: string, over: Record<string, unknown> = {}) => {
      const id = await createMetric(manager, input({ name, kind, ...over }));
      await db().metric.update({ where: { id }, data: { createdAt: at(createdAt) } });
      return id;
    };
    const retention = await mk("Retention", "CUSTOMER_OUTCOME", "2025-12-10", { ownerId: s.leader.membership.id });
    const resolution = await mk("Resolution time", "CUSTOMER_OUTCOME", "2026-05-03");
    const velocity = await mk("Velocity", "INTERNAL_PROCESS", "2026-02-28", { ownerId: s.manager.membership.id });
    const deploys = await mk("Deployments", "INTERNAL_PROCESS", "2026-03-01");
    const gone = await mk("Old survey score", "CUSTOMER_OUTCOME", "2026-01-15", { ownerId: s.leader.membership.id });
    await mk("Ancient", "INTERNAL_PROCESS", "2025-06-01", { ownerId: s.leader.membership.id });
    await db().metric.updateMany({
      where: { organizationId: s.org.id, name: "Ancient" },
      data: { deletedAt: at("2025-10-15") },
    });
    await db().metric.update({ where: { id: gone }, data: { deletedAt: at("2026-04-01") } });
    await setMetricBehaviours(manager, retention, [s.behaviour.id]);
    await setMetricBehaviours(manager, deploys, [s.behaviour.id]);

    const audit = await metricsAudit(manager, TODAY);
    expect(audit.summary).toEqual({
      total: 4,
      customer: 2,
      internal: 2,
      customerShare: 0.5,
      noOwner: 2,
      noBehaviour: 2,
    });
    expect(audit.noOwner).toEqual([
      { id: deploys, name: "Deployments" },
      { id: resolution, name: "Resolution time" },
    ]);
    expect(audit.noBehaviour).toEqual([
      { id: resolution, name: "Resolution time" },
      { id: velocity, name: "Velocity" },
    ]);
    expect(audit.byMonth.map((p) => [p.month, p.customer, p.internal, p.customerShare])).toEqual([
      ["2025-11", 0, 0, null],
      ["2025-12", 1, 0, 1],
      ["2026-01", 2, 0, 1],
      ["2026-02", 2, 1, 2 / 3],
      ["2026-03", 2, 2, 0.5],
      ["2026-04", 1, 2, 1 / 3],
      ["2026-05", 2, 2, 0.5],
      ["2026-06", 2, 2, 0.5],
      ["2026-07", 2, 2, 0.5],
      ["2026-08", 2, 2, 0.5],
      ["2026-09", 2, 2, 0.5],
      ["2026-10", 2, 2, 0.5],
    ]);
  });
});

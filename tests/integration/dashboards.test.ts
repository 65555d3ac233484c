import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { behaviourOutcome, organisationOverview, periodRange, standup, teamView } from "@/lib/server/data/dashboards";
import { saveCustomerStory } from "@/lib/server/data/customer-stories";
import { DashboardFilter } from "@/lib/schemas/dashboards";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import {
  buildBehaviour,
  buildObservations,
  buildOrgScenario,
  buildTeam,
  buildValue,
  setGroupSize,
  type ObservationFields,
} from "../factories";
import { contextFor } from "./support/context";
import { HEATMAP_LIMITS } from "@/lib/domain/heatmap-bounds";

// Wednesday 28 October 2026: this week started Monday 26 October.
const NOW = new Date("2026-10-28T15:00:00Z");
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const filter = (over: Partial<DashboardFilter> = {}) => DashboardFilter.parse({ period: "4w", ...over });

/** Two value streams with a team each, two values with a behaviour each, and counts on known days. */
async function world() {
  const s = await buildOrgScenario(db());
  // Teams of no members: these tests are about the figures (the minimum group size: group-size.test.ts).
  await setGroupSize(db(), s.org.id, 1);
  const streamA = await buildTeam(db(), s.org.id, { name: "Stream A", kind: "VALUE_STREAM" });
  const streamB = await buildTeam(db(), s.org.id, { name: "Stream B", kind: "VALUE_STREAM" });
  const alpha = await buildTeam(db(), s.org.id, { name: "Alpha", parentId: streamA.id });
  const beta = await buildTeam(db(), s.org.id, { name: "Beta", parentId: streamB.id });
  const v2 = await buildValue(db(), s.org.id, { name: "Second value" });
  const x = s.behaviour; // value s.value, ACTIVE
  const y = await buildBehaviour(
    db(),
    { organizationId: s.org.id, valueId: v2.id, ownerId: s.leader.membership.id },
    { title: "Behaviour Y", status: "ACTIVE" },
  );
  await db().behaviour.update({ where: { id: x.id }, data: { status: "ACTIVE" } });
  const obs = (
    behaviourId: string,
    teamId: string,
    day: string,
    performed: number,
    missed: number,
  ): ObservationFields => ({ organizationId: s.org.id, behaviourId, teamId, occurredAt: at(day), performed, missed });
  await buildObservations(db(), [
    obs(x.id, alpha.id, "2026-10-06", 3, 3), // week of 5 Oct: X·Alpha 3/6
    obs(x.id, alpha.id, "2026-10-27", 8, 2), // this week: X·Alpha 8/10
    obs(y.id, alpha.id, "2026-10-27", 1, 1), // this week: Y·Alpha 1/2 (too few to colour)
    obs(x.id, beta.id, "2026-10-20", 2, 8), // week of 19 Oct: X·Beta 2/10
    obs(y.id, beta.id, "2026-09-01", 9, 1), // before the 4-week period
  ]);
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  return { s, streamA, streamB, alpha, beta, v2, x, y, manager, member };
}

describe("organisation overview", () => {
  it("takes whole weeks: the 4-week period starts on the Monday three weeks before this one", () => {
    expect(periodRange("4w", NOW)).toEqual({ from: "2026-10-05", to: "2026-10-28", weeks: 4 });
  });

  it("reads adoption per week and per team × behaviour from the daily summary, within the period", async () => {
    const w = await world();
    const o = await organisationOverview(w.manager, filter(), NOW);
    // Week of 5 Oct: 3/6; 12 Oct: nothing; 19 Oct: 2/10; 26 Oct: 8+1 of 10+2 = 9/12.
    expect(o.trend.map((p) => [p.weekStart, p.performed, p.opportunities])).toEqual([
      ["2026-10-05", 3, 6],
      ["2026-10-12", 0, 0],
      ["2026-10-19", 2, 10],
      ["2026-10-26", 9, 12],
    ]);
    expect(o.trend.map((p) => p.rate)).toEqual([0.5, null, 0.2, 0.75]);
    expect(o.heatmap.cells[`${w.alpha.id}:${w.x.id}`]).toEqual({ performed: 11, opportunities: 16 });
    expect(o.heatmap.cells[`${w.alpha.id}:${w.y.id}`]).toEqual({ performed: 1, opportunities: 2 });
    expect(o.heatmap.cells[`${w.beta.id}:${w.x.id}`]).toEqual({ performed: 2, opportunities: 10 });
    // September's Y·Beta counts are outside the period.
    expect(o.heatmap.cells[`${w.beta.id}:${w.y.id}`]).toBeUndefined();
    expect(o.options.streams.map((t) => t.name)).toEqual(["Stream A", "Stream B"]);
  });

  it("narrows by value stream, team and value, and a foreign or unknown id selects nothing", async () => {
    const w = await world();
    const byStream = await organisationOverview(w.manager, filter({ stream: w.streamB.id }), NOW);
    expect(byStream.heatmap.teams.map((t) => t.name)).toEqual(["Beta"]);
    expect(byStream.trend.reduce((n, p) => n + p.opportunities, 0)).toBe(10);
    const byTeamAndValue = await organisationOverview(w.manager, filter({ team: w.alpha.id, value: w.v2.id }), NOW);
    expect(byTeamAndValue.heatmap.behaviours.map((b) => b.title)).toEqual(["Behaviour Y"]);
    expect(byTeamAndValue.trend.reduce((n, p) => n + p.opportunities, 0)).toBe(2);
    const other = await buildOrgScenario(db());
    const foreign = await organisationOverview(w.manager, filter({ team: other.team.id }), NOW);
    expect(foreign.heatmap.teams).toEqual([]);
    expect(foreign.trend.every((p) => p.opportunities === 0)).toBe(true);
  });

  it("refuses members, as the page does", async () => {
    const w = await world();
    await expect(organisationOverview(w.member, filter(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(teamView(w.member, filter(), undefined, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(behaviourOutcome(w.member, filter(), {}, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(standup(w.member, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveCustomerStory(w.member, { meetingDate: "2026-10-28", story: "A customer story long enough." }, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("bounds the heatmap to the busiest teams and behaviours of the period, and shows all on request (issue 19)", async () => {
    const w = await world();
    const { teams: maxTeams, behaviours: maxBehaviours } = HEATMAP_LIMITS;
    // Enough teams and behaviours to pass both limits; the last-named ones are the busiest.
    const teams = [];
    for (let i = 0; i < maxTeams; i++)
      teams.push(
        await buildTeam(db(), w.s.org.id, { name: `Team ${String(i).padStart(2, "0")}`, parentId: w.streamA.id }),
      );
    const behaviours = [];
    for (let i = 0; i < maxBehaviours; i++)
      behaviours.push(
        await buildBehaviour(
          db(),
          { organizationId: w.s.org.id, valueId: w.v2.id, ownerId: w.s.leader.membership.id },
          { title: `Zz behaviour ${String(i).padStart(2, "0")}`, status: "ACTIVE" },
        ),
      );
    const busyTeam = teams.at(-1)!;
    const busyBehaviour = behaviours.at(-1)!;
    await buildObservations(db(), [
      {
        organizationId: w.s.org.id,
        behaviourId: busyBehaviour.id,
        teamId: busyTeam.id,
        occurredAt: at("2026-10-27"),
        performed: 40,
        missed: 10,
      },
    ]);
    const o = await organisationOverview(w.manager, filter(), NOW);
    expect(o.heatmap.totalTeams).toBe(o.options.teams.length);
    expect(o.heatmap.totalTeams).toBeGreaterThan(maxTeams);
    expect(o.heatmap.totalBehaviours).toBe(maxBehaviours + 2);
    expect(o.heatmap.teams).toHaveLength(maxTeams);
    expect(o.heatmap.behaviours).toHaveLength(maxBehaviours);
    // The observed ones are kept (Alpha and Beta were observed too), in alphabetical order.
    const teamNames = o.heatmap.teams.map((t) => t.name);
    expect(teamNames).toEqual(expect.arrayContaining(["Alpha", "Beta", busyTeam.name]));
    expect(teamNames).toEqual([...teamNames].sort());
    expect(o.heatmap.behaviours.map((b) => b.title)).toContain(busyBehaviour.title);
    expect(o.heatmap.cells[`${busyTeam.id}:${busyBehaviour.id}`]).toEqual({ performed: 40, opportunities: 50 });
    expect(o.heatmap.cells[`${w.alpha.id}:${w.x.id}`]).toEqual({ performed: 11, opportunities: 16 });

    const all = await organisationOverview(w.manager, filter({ heatmap: "all" }), NOW);
    expect(all.heatmap.teams).toHaveLength(o.heatmap.totalTeams);
    expect(all.heatmap.behaviours).toHaveLength(maxBehaviours + 2);

    // Under a minimum group size of 5, the busy team (nobody in it) is hidden, and its volume no longer ranks it:
    // being among the busiest is itself a figure about it. Shown in full, it is listed (hidden).
    await setGroupSize(db(), w.s.org.id, 5);
    const protectedView = await organisationOverview(w.manager, filter(), NOW);
    expect(protectedView.heatmap.teams.map((t) => t.name)).not.toContain(busyTeam.name);
    const listed = (await organisationOverview(w.manager, filter({ heatmap: "all" }), NOW)).heatmap.teams;
    expect(listed.find((t) => t.id === busyTeam.id)?.suppressed).toBe("small");
  });
});

describe("behaviour → outcome", () => {
  it("pairs weekly adoption with the linked metric and correlates them at lags of 0–8 weeks", async () => {
    const w = await world();
    const metric = await db().metric.create({
      data: {
        organizationId: w.s.org.id,
        name: "Retention",
        unit: "%",
        kind: "CUSTOMER_OUTCOME",
        timing: "LAGGING",
        direction: "UP",
      },
    });
    await db().behaviourMetric.create({
      data: { organizationId: w.s.org.id, behaviourId: w.x.id, metricId: metric.id },
    });
    await db().metricReading.createMany({
      data: [
        { organizationId: w.s.org.id, metricId: metric.id, date: new Date("2026-10-07"), value: 90 },
        { organizationId: w.s.org.id, metricId: metric.id, date: new Date("2026-10-09"), value: 92 }, // same week: mean 91
        { organizationId: w.s.org.id, metricId: metric.id, date: new Date("2026-10-21"), value: 93 },
      ],
    });
    const d = await behaviourOutcome(w.manager, filter(), {}, NOW);
    expect(d.behaviour?.id).toBe(w.x.id);
    expect(d.metric?.name).toBe("Retention");
    expect(d.metricWeekly).toEqual([
      { weekStart: "2026-10-05", value: 91 },
      { weekStart: "2026-10-19", value: 93 },
    ]);
    // X's adoption: 5 Oct 50%, 19 Oct 20%, 26 Oct 80%. Two weeks pair at lag 0: too few for an r.
    expect(d.adoption.map((p) => p.rate)).toEqual([0.5, null, 0.2, 0.8]);
    expect(d.correlations).toHaveLength(9);
    expect(d.correlations[0]).toEqual({ lag: 0, r: null, n: 2 });
    // A stale metric id (after switching behaviour) falls back to the behaviour's first metric.
    expect(
      (await behaviourOutcome(w.manager, filter(), { behaviour: w.x.id, metric: "not-a-metric" }, NOW)).metric?.id,
    ).toBe(metric.id);
  });

  it("answers another organisation's behaviour as not found", async () => {
    const w = await world();
    const other = await buildOrgScenario(db());
    await expect(behaviourOutcome(w.manager, filter(), { behaviour: other.behaviour.id }, NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("team view and standup", () => {
  it("shows one team's behaviours, this week's observations, open barriers and coverage gaps", async () => {
    const w = await world();
    const t = await teamView(w.manager, filter(), w.alpha.id, NOW);
    expect(t.team).toEqual({ id: w.alpha.id, name: "Alpha", stream: "Stream A" });
    expect(t.thisWeek).toEqual({ performed: 9, opportunities: 12, weekStart: "2026-10-26" });
    expect(new Map(t.behaviours.map((b) => [b.title, [b.performed, b.opportunities]]))).toEqual(
      new Map([
        ["Behaviour Y", [1, 2]],
        [w.x.title, [11, 16]],
      ]),
    );
    expect(t.gaps).toEqual([]);
    const beta = await teamView(w.manager, filter(), w.beta.id, NOW);
    expect(beta.gaps.map((g) => g.behaviourTitle)).toEqual(["Behaviour Y"]);
    const other = await buildOrgScenario(db());
    await expect(teamView(w.manager, filter(), other.team.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists wins by adoption rise, blockers without an intervention, and the customer stories told", async () => {
    const w = await world();
    const base = { organizationId: w.s.org.id, behaviourId: w.y.id, teamId: w.beta.id };
    // The last 4 weeks (5–26 Oct) against the 4 before (7–28 Sep). Y before: 1/10; after: 9/10 here plus Alpha's 1/2.
    await buildObservations(db(), [
      { ...base, occurredAt: at("2026-10-01"), performed: 1, missed: 9 },
      { ...base, occurredAt: at("2026-10-27"), performed: 9, missed: 1 },
    ]);
    const barrier = await db().barrier.create({
      data: {
        organizationId: w.s.org.id,
        title: "Nobody owns it",
        description: "No owner",
        comB: "PHYSICAL_OPPORTUNITY",
        determinant: "ACCESS",
        impact: 5,
        reach: 4,
        ease: 2,
        createdById: w.s.manager.membership.id,
      },
    });
    await db().barrierBehaviour.create({
      data: { organizationId: w.s.org.id, barrierId: barrier.id, behaviourId: w.y.id },
    });
    await saveCustomerStory(
      w.manager,
      { meetingDate: "2026-10-27", story: "A clinic could finally export its own data." },
      NOW,
    );
    await expect(
      saveCustomerStory(w.manager, { meetingDate: "2026-10-29", story: "Tomorrow's story, told today." }, NOW),
    ).rejects.toBeInstanceOf(RuleError);

    const s = await standup(w.manager, NOW);
    // Y before: 1/10 (10%); after: 9+1 of 10+2 = 10/12 (83.3%) → +73.3 points.
    expect(s.wins[0]).toMatchObject({ behaviourId: w.y.id, changePts: 73.3 });
    expect(s.blockers.map((b) => [b.title, b.priority])).toEqual([["Nobody owns it", 40]]);
    // No customer metric has a target here: the page must not say they are all on track.
    expect([s.offTrack, s.customerMetricsJudged]).toEqual([[], 0]);
    expect(s.stories.map((x) => [x.meetingDate, x.story])).toEqual([
      ["2026-10-27", "A clinic could finally export its own data."],
    ]);

    await db().intervention.create({
      data: {
        organizationId: w.s.org.id,
        barrierId: barrier.id,
        function: "ENABLEMENT",
        title: "Owner rota",
        ownerId: w.s.manager.membership.id,
        startDate: new Date("2026-10-20"),
        apease: {},
      },
    });
    expect((await standup(w.manager, NOW)).blockers).toEqual([]);
  });
});

// Issue 21 on a real database: the minimum group size (docs/decisions/039). An organisation with a 3-person team,
// a 6-person team and a 7-person team: every breakdown by team hides the 3-person team ("small") and the 6-person
// one beside it ("complement", so the total minus the teams shown does not give the small one away), and shows the
// 7-person team; the organisation's own figures stay whole. Then an admin lowers the threshold and the same
// breakdowns show every team, and only an admin may change it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { organisationOverview, teamView } from "@/lib/server/data/dashboards";
import { teamParticipation } from "@/lib/server/data/participation";
import { getTeam, listTeams } from "@/lib/server/data/teams";
import { recognitionAnalytics } from "@/lib/server/data/recognition-analytics";
import { barrierCitations, citationCounts } from "@/lib/server/data/barrier-citations";
import { getSpotCheck } from "@/lib/server/data/spot-checks";
import { groupProtection, minGroupSizeOf, setMinGroupSize } from "@/lib/server/data/group-size";
import { privacyNotice } from "@/lib/server/data/privacy-notice";
import { createApiToken } from "@/lib/server/data/api-tokens";
import { digestFigures } from "@/lib/server/notify/digest-data";
import { DashboardFilter } from "@/lib/schemas/dashboards";
import { ApiTokenInput } from "@/lib/schemas/api";
import { MinGroupSizeInput } from "@/lib/schemas/retention";
import { addDays, dateOnly, dayOf } from "@/lib/domain/dates";
import { localWeekStart } from "@/lib/domain/schedules";
import { ForbiddenError } from "@/lib/server/errors";
import { buildMember } from "../factories";
import { contextFor } from "./support/context";
import { world } from "./support/group-size-world";
import { call } from "./support/api-client";

const filter = (over: Partial<DashboardFilter> = {}) => DashboardFilter.parse({ period: "4w", ...over });

describe("minimum group size", () => {
  it("defaults to 5 for a new organisation, read with its teams", async () => {
    const { s, small, mid, big, ctx } = await world();
    expect(await minGroupSizeOf(ctx.admin)).toBe(5);
    const p = await groupProtection({ orgId: s.org.id });
    expect(p.threshold).toBe(5);
    expect([p.people.get(small.team.id), p.people.get(mid.team.id), p.people.get(big.team.id)]).toEqual([3, 6, 7]);
    // The scenario's own team has no members: hidden as well.
    expect(p.suppressed.get(s.team.id)).toBe("small");
  });

  it("hides the 3-person team and its complement in every breakdown, and keeps the organisation's figures whole", async () => {
    const { s, small, mid, big, barrier, ctx, now } = await world();
    const shownIds = [big.team.id];
    const hiddenIds = [small.team.id, mid.team.id];

    // Overview: the heatmap marks the teams and sends no cell for them; the organisation's trend counts everything.
    const o = await organisationOverview(ctx.leader, filter(), now);
    const flags = Object.fromEntries(o.heatmap.teams.map((t) => [t.name, t.suppressed]));
    expect(flags).toMatchObject({ Small: "small", Mid: "complement", Big: null });
    for (const id of hiddenIds) expect(o.heatmap.cells[`${id}:${s.behaviour.id}`]).toBeUndefined();
    expect(o.heatmap.cells[`${big.team.id}:${s.behaviour.id}`]).toEqual({ performed: 60, opportunities: 80 });
    expect(o.heatmap.minGroupSize).toBe(5);
    expect(o.trendSuppressed).toBeNull();
    expect(o.trend.reduce((n, w) => n + w.opportunities, 0)).toBe(240);
    // Filtered to the small team: no trend at all, and why.
    const filtered = await organisationOverview(ctx.leader, filter({ team: small.team.id }), now);
    expect(filtered.trend).toEqual([]);
    expect(filtered.trendSuppressed).toBe("small");
    expect((await organisationOverview(ctx.leader, filter({ team: big.team.id }), now)).trendSuppressed).toBeNull();

    // Team view (managers and up).
    const v = await teamView(ctx.leader, filter(), small.team.id, now);
    expect(v.suppressed).toBe("small");
    expect(v.trend).toEqual([]);
    expect(v.behaviours).toEqual([]);
    expect(v.thisWeek.opportunities).toBe(0);
    // Nor which behaviours it last observed when: that would say which of its counts are zero.
    expect(v.gaps).toEqual([]);
    expect((await teamView(ctx.leader, filter(), mid.team.id, now)).suppressed).toBe("complement");
    const shown = await teamView(ctx.leader, filter(), big.team.id, now);
    expect(shown.suppressed).toBeNull();
    expect(shown.behaviours[0]).toMatchObject({ performed: 60, opportunities: 80 });

    // Participation, even for one of the team's own people: no figures; the honesty guard's signals only for an admin.
    const part = await teamParticipation(ctx.insider, small.team.id, now);
    expect(part.suppressed).toBe("small");
    expect(part).not.toHaveProperty("current");
    expect(part.honesty).toBeNull();
    const adminPart = await teamParticipation(ctx.admin, small.team.id, now);
    expect(adminPart.suppressed).toBe("small");
    expect(adminPart.honesty).not.toBeNull();
    expect((await teamParticipation(ctx.leader, big.team.id, now)).suppressed).toBeNull();

    // The teams page and a team's page.
    const teams = Object.fromEntries((await listTeams(ctx.insider, now)).map((t) => [t.name, t]));
    expect(teams.Small).toMatchObject({ adoption28d: null, suppressed: "small" });
    expect(teams.Mid).toMatchObject({ adoption28d: null, suppressed: "complement" });
    expect(teams.Big!.adoption28d).toMatchObject({ performed: 60, opportunities: 80 });
    const detail = await getTeam(ctx.insider, small.team.id, now);
    expect(detail).toMatchObject({ adoption28d: null, weeks: [], suppressed: "small" });
    expect(detail.behaviours.every((b) => b.adoption28d === null)).toBe(true);

    // Recognition analytics.
    const today = dayOf(now, "UTC");
    const r = await recognitionAnalytics(ctx.leader, { from: addDays(today, -7), to: today });
    const byTeam = Object.fromEntries(r.byTeam.map((t) => [t.name, t]));
    expect(byTeam.Small).toEqual({ teamId: small.team.id, name: "Small", people: 3, hidden: true, reason: "small" });
    expect(byTeam.Mid).toMatchObject({ hidden: true, reason: "complement" });
    expect(byTeam.Big).toMatchObject({ hidden: false, received: 1 });

    // Barrier citations: only the teams shown, in every row and total, and how many were left out.
    const cited = await barrierCitations(ctx.leader, barrier.id, now);
    expect(cited.rows.map((row) => row.teamId)).toEqual([...shownIds, null]);
    expect(cited.rows.at(-1)).toMatchObject({ team: "All teams", last12: 20 });
    expect(cited.total).toBe(20);
    expect(cited.hiddenTeams).toBe(2);
    // The barriers list ranks by the same counts: the list minus the page gives nothing away.
    expect((await citationCounts(ctx.leader, now))[barrier.id]).toBe(20);

    // A spot check of the small team: its two rates for admins only.
    const check = await db().spotCheck.create({
      data: {
        organizationId: s.org.id,
        behaviourId: s.behaviour.id,
        teamId: small.team.id,
        observerId: s.manager.membership.id,
        startsOn: dateOnly(addDays(today, -10)),
        endsOn: dateOnly(today),
      },
    });
    const seenByLeader = await getSpotCheck(ctx.leader, check.id, now);
    expect(seenByLeader).toMatchObject({ comparison: null, suppressed: "small" });
    expect((await getSpotCheck(ctx.admin, check.id, now)).comparison?.team.opportunities).toBe(40);

    // The weekly digest: a member of the small team gets no counts of it, only that it is not counted.
    const start = localWeekStart(today, 1);
    const digest = await digestFigures(
      { id: s.org.id, name: s.org.name, timeZone: "UTC", weekStartsOn: 1, leadersManageTeams: false },
      start,
      now,
    );
    expect(digest.manager.coverageGaps.map((g) => g.teamName)).not.toContain("Small");
    const of = (membershipId: string) => digest.recipients.find((x) => x.membershipId === membershipId)!.member;
    expect(of(small.people[0]!.membership.id)).toMatchObject({ behaviours: [], hiddenTeams: 1 });
    expect(of(big.people[0]!.membership.id).behaviours).toEqual([
      expect.objectContaining({ performed: 21, missed: 7 }),
    ]);

    // The token API: every row stays (nothing left out silently), without its figures, saying why.
    const { token } = await createApiToken(
      ctx.admin,
      ApiTokenInput.parse({ name: "BI export", scopes: ["adoption:read"], expiresOn: "" }),
    );
    const api = await call("GET", "/adoption?limit=100", { token });
    expect(api.status).toBe(200);
    const apiRows = api.body.data as { teamId: string; performed: number | null; suppressed: string | null }[];
    for (const row of apiRows.filter((x) => hiddenIds.includes(x.teamId)))
      expect(row).toMatchObject({ performed: null, missed: null, adoption: null });
    expect(new Set(apiRows.filter((x) => x.teamId === small.team.id).map((x) => x.suppressed))).toEqual(
      new Set(["small"]),
    );
    expect(
      apiRows.filter((x) => x.teamId === big.team.id).every((x) => x.suppressed === null && x.performed! > 0),
    ).toBe(true);
  });

  it("shows every team once an admin lowers the threshold, audits the change, and refuses anyone else", async () => {
    const { small, mid, ctx, now } = await world();
    await expect(setMinGroupSize(ctx.leader, 3)).rejects.toBeInstanceOf(ForbiddenError);
    expect(MinGroupSizeInput.safeParse({ minGroupSize: "0" }).success).toBe(false);
    expect(MinGroupSizeInput.safeParse({ minGroupSize: "51" }).success).toBe(false);
    expect(MinGroupSizeInput.safeParse({ minGroupSize: "2.5" }).success).toBe(false);
    expect(await minGroupSizeOf(ctx.admin)).toBe(5);

    await setMinGroupSize(ctx.admin, 3);
    // The very next read uses it: contexts carry no copy.
    const o = await organisationOverview(ctx.leader, filter(), now);
    const flags = Object.fromEntries(o.heatmap.teams.map((t) => [t.id, t.suppressed]));
    expect([flags[small.team.id], flags[mid.team.id]]).toEqual([null, null]);
    expect((await teamView(ctx.leader, filter(), small.team.id, now)).behaviours[0]).toMatchObject({
      performed: 60,
      opportunities: 80,
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: ctx.admin.orgId, action: "privacy.group-size" },
    });
    expect(audit.details).toEqual({ from: 5, to: 3 });
    expect(audit.actorUserId).toBe(ctx.admin.userId);
    // The privacy page states the live threshold.
    expect((await privacyNotice(ctx.insider)).reporting.join(" ")).toContain("fewer than 3 active members");
  });

  it("keeps two admins' changes apart: each is applied and audited once, the last one wins", async () => {
    const { s, ctx } = await world();
    const other = await buildMember(db(), s.org.id, "ADMIN");
    const second = await contextFor(other.user.id, s.org.id);
    for (let round = 0; round < 10; round++) {
      await Promise.all([setMinGroupSize(ctx.admin, 4), setMinGroupSize(second, 6)]);
    }
    const events = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "privacy.group-size" },
    });
    expect(events).toHaveLength(20);
    // Each change names the value it replaced, read under the row's lock: the changes form one unbroken chain from
    // 5 to the value kept. Without the lock two changes would both have replaced 5.
    const changes = events.map((e) => e.details as { from: number; to: number });
    const final = await minGroupSizeOf(ctx.admin);
    expect(changes.filter((c) => c.from === 5)).toHaveLength(1);
    for (const v of [4, 6])
      expect(changes.filter((c) => c.from === v).length).toBe(
        changes.filter((c) => c.to === v).length - (final === v ? 1 : 0),
      );
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  FEED_PAGE,
  giveRecognition,
  listRecognitions,
  recognitionOptions,
  recognitionsIn,
  removeRecognition,
} from "@/lib/server/data/recognition";
import { recognitionAnalytics } from "@/lib/server/data/recognition-analytics";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { GiveRecognitionInput } from "@/lib/schemas/recognition";
import { dayOf, weekStart } from "@/lib/domain/dates";
import { buildBehaviour, buildMember, buildObservations, buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

const ACT = "Mia called the logistics customer to check the nightly export before closing ticket 4821.";
const EFFECT = "The customer found a second failing file while on the call; it was fixed the same day.";

async function scenario() {
  const s = await buildOrgScenario(db());
  await db().teamMember.createMany({
    data: [s.member, s.manager].map((m) => ({
      organizationId: s.org.id,
      teamId: s.team.id,
      membershipId: m.membership.id,
    })),
  });
  const [admin, manager, member, leader] = await Promise.all([
    contextFor(s.admin.user.id, s.org.id),
    contextFor(s.manager.user.id, s.org.id),
    contextFor(s.member.user.id, s.org.id),
    contextFor(s.leader.user.id, s.org.id),
  ]);
  return { s, admin, manager, member, leader };
}

const form = (over: Record<string, unknown>) =>
  GiveRecognitionInput.parse({ act: ACT, customerEffect: EFFECT, observationId: "", ...over });

async function settle(p: Promise<unknown>) {
  try {
    return { ok: true as const, value: await p };
  } catch (error) {
    return { ok: false as const, error };
  }
}

describe("giving a recognition", () => {
  it("thanks a colleague for an act of an active behaviour, on the feed for everyone, audited", async () => {
    const { s, admin, member } = await scenario();
    const id = await giveRecognition(
      admin,
      form({ recipientMembershipId: s.member.membership.id, behaviourId: s.behaviour.id }),
    );
    const feed = await listRecognitions(member);
    expect(feed.rows).toMatchObject([
      {
        id,
        giver: { name: s.admin.user.name },
        recipient: { kind: "person", membershipId: s.member.membership.id, name: s.member.user.name },
        behaviour: { id: s.behaviour.id },
        act: ACT,
        customerEffect: EFFECT,
        observation: null,
        // Not theirs, and a member does not moderate.
        canRemove: false,
      },
    ]);
    const audit = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "recognition.give" },
      select: { targetType: true, targetId: true, actorUserId: true },
    });
    expect(audit).toEqual([{ targetType: "Recognition", targetId: id, actorUserId: s.admin.user.id }]);
  });

  it("thanks a team", async () => {
    const { s, member } = await scenario();
    await giveRecognition(member, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
    const [r] = (await listRecognitions(member)).rows;
    expect(r!.recipient).toEqual({ kind: "team", teamId: s.team.id, name: s.team.name });
    expect(r!.canRemove).toBe(true);
  });

  it("needs exactly one recipient: a person or a team, not both, not neither", () => {
    const base = { act: ACT, customerEffect: EFFECT, behaviourId: "clx0a1b2c3d4e5f6g7h8i9j0k" };
    for (const over of [
      {},
      { recipientMembershipId: "", recipientTeamId: "" },
      { recipientMembershipId: "clx0a1b2c3d4e5f6g7h8i9j0m", recipientTeamId: "clx0a1b2c3d4e5f6g7h8i9j0n" },
    ]) {
      const r = GiveRecognitionInput.safeParse({ ...base, ...over });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["recipientMembershipId", "Choose one person or one team to recognise."],
      ]);
    }
  });

  it("refuses praise-only texts beside their fields, before anything is written", () => {
    const r = GiveRecognitionInput.safeParse({
      recipientMembershipId: "clx0a1b2c3d4e5f6g7h8i9j0m",
      behaviourId: "clx0a1b2c3d4e5f6g7h8i9j0k",
      act: "Great job! 🎉",
      customerEffect: "Thanks for everything",
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["act", "customerEffect"]);
    expect(r.error!.issues[0]!.message).toMatch(/^Thanks and praise say how you feel, not what they did\./);
  });

  it("refuses recognising oneself", async () => {
    const { s, member } = await scenario();
    const before = await dataCounts();
    const r = await settle(
      giveRecognition(member, form({ recipientMembershipId: s.member.membership.id, behaviourId: s.behaviour.id })),
    );
    expect(r.ok ? null : r.error).toBeInstanceOf(RuleError);
    expect((r as { error: RuleError }).error.field).toBe("recipientMembershipId");
    expect(await dataCounts()).toEqual(before);
    // Nor does the form offer oneself.
    expect((await recognitionOptions(member)).people.map((p) => p.id)).not.toContain(s.member.membership.id);
  });

  it("refuses a behaviour that is not active, a value stream, a disabled colleague", async () => {
    const { s, member } = await scenario();
    const draft = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { status: "DRAFT" },
    );
    const stream = await buildTeam(db(), s.org.id, { kind: "VALUE_STREAM" });
    const gone = await buildMember(db(), s.org.id, "MEMBER");
    await db().membership.update({ where: { id: gone.membership.id }, data: { status: "DISABLED" } });
    const cases: [Record<string, unknown>, string][] = [
      [{ recipientMembershipId: s.manager.membership.id, behaviourId: draft.id }, "behaviourId"],
      [{ recipientTeamId: stream.id, behaviourId: s.behaviour.id }, "recipientTeamId"],
      [{ recipientMembershipId: gone.membership.id, behaviourId: s.behaviour.id }, "recipientMembershipId"],
    ];
    for (const [over, field] of cases) {
      const r = await settle(giveRecognition(member, form(over)));
      expect(r.ok ? null : r.error, field).toBeInstanceOf(RuleError);
      expect((r as { error: RuleError }).error.field).toBe(field);
    }
    expect(await db().recognition.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("takes an observation of the same behaviour logged by the person or in their team, and no other", async () => {
    const { s, admin } = await scenario();
    const other = await buildTeam(db(), s.org.id);
    const otherBehaviour = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    const obs = async (teamId: string, behaviourId = s.behaviour.id, observerId: string | null = null) => {
      await buildObservations(db(), [{ organizationId: s.org.id, behaviourId, teamId, observerId }]);
      return (await db().observation.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } })).id;
    };
    const inTeam = await obs(s.team.id);
    const elsewhere = await obs(other.id);
    const byThem = await obs(other.id, s.behaviour.id, s.member.membership.id);
    const ofAnother = await obs(s.team.id, otherBehaviour.id);
    const person = { recipientMembershipId: s.member.membership.id, behaviourId: s.behaviour.id };

    await giveRecognition(admin, form({ ...person, observationId: inTeam }));
    await giveRecognition(admin, form({ ...person, observationId: byThem }));
    await giveRecognition(
      admin,
      form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id, observationId: inTeam }),
    );
    for (const [over, message] of [
      [{ ...person, observationId: elsewhere }, /not logged by them or in their team/],
      [{ ...person, observationId: ofAnother }, /another behaviour/],
      [{ recipientTeamId: s.team.id, behaviourId: s.behaviour.id, observationId: elsewhere }, /not logged by them/],
    ] as const) {
      const r = await settle(giveRecognition(admin, form(over)));
      expect(r.ok ? null : r.error).toBeInstanceOf(RuleError);
      expect((r as { error: RuleError }).error.message).toMatch(message);
      expect((r as { error: RuleError }).error.field).toBe("observationId");
    }
    const rows = (await listRecognitions(admin)).rows;
    expect(rows.map((r) => r.observation?.teamName).sort()).toEqual([other.name, s.team.name, s.team.name].sort());
  });
});

describe("another organisation's ids are not found, like ids that never existed", () => {
  it("for the person, the team, the behaviour and the observation", async () => {
    const a = await scenario();
    const b = await scenario();
    await buildObservations(db(), [{ organizationId: b.s.org.id, behaviourId: b.s.behaviour.id, teamId: b.s.team.id }]);
    const foreignObservation = (await db().observation.findFirstOrThrow({
      where: { organizationId: b.s.org.id },
      select: { id: true },
    }))!.id;
    const valid = { recipientMembershipId: a.s.member.membership.id, behaviourId: a.s.behaviour.id };
    const before = await dataCounts();
    for (const over of [
      { recipientMembershipId: b.s.member.membership.id },
      { recipientMembershipId: "cnever0000000000000000000" },
      { recipientMembershipId: null, recipientTeamId: b.s.team.id },
      { recipientMembershipId: null, recipientTeamId: "cnever0000000000000000000" },
      { behaviourId: b.s.behaviour.id },
      { behaviourId: "cnever0000000000000000000" },
      { observationId: foreignObservation },
      { observationId: "cnever0000000000000000000" },
    ]) {
      const r = await settle(giveRecognition(a.admin, { ...form(valid), ...over }));
      expect(r.ok ? "resolved" : r.error, JSON.stringify(over)).toBeInstanceOf(NotFoundError);
    }
    expect(await dataCounts()).toEqual(before);
  });

  it("for removing, and in the feed's filters (which narrow to nothing)", async () => {
    const a = await scenario();
    const b = await scenario();
    const theirs = await giveRecognition(
      b.admin,
      form({ recipientTeamId: b.s.team.id, behaviourId: b.s.behaviour.id }),
    );
    await giveRecognition(a.admin, form({ recipientTeamId: a.s.team.id, behaviourId: a.s.behaviour.id }));
    await expect(removeRecognition(a.admin, theirs)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().recognition.count({ where: { id: theirs } })).toBe(1);
    expect((await listRecognitions(a.admin, { teamId: b.s.team.id })).rows).toEqual([]);
    expect((await listRecognitions(a.admin, { behaviourId: b.s.behaviour.id })).rows).toEqual([]);
    expect((await listRecognitions(a.admin, { givenBy: b.s.admin.membership.id })).rows).toEqual([]);
    expect((await listRecognitions(a.admin)).rows).toHaveLength(1);
  });
});

describe("removing a recognition", () => {
  it("lets the giver take it back within the hour, and not after", async () => {
    const { s, member } = await scenario();
    const id = await giveRecognition(member, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
    const late = await giveRecognition(member, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
    const created = (await db().recognition.findUniqueOrThrow({ where: { id: late } })).createdAt;
    const afterWindow = new Date(created.getTime() + 61 * 60_000);
    await expect(removeRecognition(member, late, afterWindow)).rejects.toThrow(/60 minutes/);
    expect(
      (await listRecognitions(member, {}, undefined, afterWindow)).rows.find((r) => r.id === late)!.canRemove,
    ).toBe(false);
    await removeRecognition(member, id);
    expect(await db().recognition.count({ where: { organizationId: s.org.id } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "recognition.remove", targetId: id },
      select: { details: true },
    });
    expect(audit.details).toEqual({ name: `${s.behaviour.title} → ${s.team.name}`, own: true });
  });

  it("refuses a member removing someone else's (audited), and lets a manager remove anyone's", async () => {
    const { s, member, manager, admin } = await scenario();
    const id = await giveRecognition(admin, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
    await expect(removeRecognition(member, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().auditEvent.count({ where: { actorUserId: s.member.user.id, action: "access.denied" } })).toBe(1);
    const later = new Date(Date.now() + 30 * 86_400_000);
    await removeRecognition(manager, id, later);
    expect(await db().recognition.count({ where: { id } })).toBe(0);
  });
});

describe("removing twice at once", () => {
  it("removes once and audits once: the second of two concurrent removals is not found (50 runs)", async () => {
    const { s, member, manager } = await scenario();
    for (let run = 0; run < 50; run++) {
      const id = await giveRecognition(member, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
      const results = await Promise.allSettled([removeRecognition(member, id), removeRecognition(manager, id)]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `run ${run}`,
      ).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason, `run ${run}`).toBeInstanceOf(NotFoundError);
      expect(await db().auditEvent.count({ where: { action: "recognition.remove", targetId: id } })).toBe(1);
    }
    expect(await db().recognition.count({ where: { organizationId: s.org.id } })).toBe(0);
  });
});

describe("the feed", () => {
  it("pages newest first by keyset, ties on the same instant included, without repeats or gaps", async () => {
    const { s, admin, member } = await scenario();
    const at = new Date("2026-11-20T09:00:00Z");
    // 45 recognitions, three per instant: the cursor must break ties by id.
    await db().recognition.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        organizationId: s.org.id,
        giverId: s.admin.membership.id,
        recipientMembershipId: s.member.membership.id,
        behaviourId: s.behaviour.id,
        act: `${ACT} #${i}`,
        customerEffect: EFFECT,
        createdAt: new Date(at.getTime() - Math.floor(i / 3) * 60_000),
      })),
    });
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRecognitions(member, {}, cursor);
      sizes.push(page.rows.length);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([FEED_PAGE, FEED_PAGE, 5]);
    const all = await db().recognition.findMany({
      where: { organizationId: s.org.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(all.map((r) => r.id));
    expect(admin.orgId).toBe(s.org.id);
  });

  it("filters by team (the team or its people), behaviour, person received and person given", async () => {
    const { s, admin, manager, member } = await scenario();
    const other = await buildTeam(db(), s.org.id);
    const b2 = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    const toTeam = await giveRecognition(admin, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
    const toMember = await giveRecognition(
      manager,
      form({ recipientMembershipId: s.member.membership.id, behaviourId: b2.id }),
    );
    const toLeader = await giveRecognition(
      member,
      form({ recipientMembershipId: s.leader.membership.id, behaviourId: s.behaviour.id }),
    );
    const toOther = await giveRecognition(member, form({ recipientTeamId: other.id, behaviourId: b2.id }));
    const ids = async (f: Parameters<typeof listRecognitions>[1]) =>
      (await listRecognitions(admin, f)).rows.map((r) => r.id).sort();
    expect(await ids({ teamId: s.team.id })).toEqual([toTeam, toMember].sort());
    expect(await ids({ teamId: other.id })).toEqual([toOther]);
    expect(await ids({ behaviourId: b2.id })).toEqual([toMember, toOther].sort());
    expect(await ids({ receivedBy: s.member.membership.id })).toEqual([toMember]);
    expect(await ids({ givenBy: s.member.membership.id })).toEqual([toLeader, toOther].sort());
    expect(await ids({ givenBy: s.member.membership.id, behaviourId: b2.id })).toEqual([toOther]);
  });

  it("gives a standup the period's wins, scoped to teams, and says how many more there were", async () => {
    const { s, admin } = await scenario();
    const other = await buildTeam(db(), s.org.id);
    const day = (d: string) => new Date(`${d}T10:00:00Z`);
    const base = {
      organizationId: s.org.id,
      giverId: s.admin.membership.id,
      behaviourId: s.behaviour.id,
      act: ACT,
      customerEffect: EFFECT,
    };
    await db().recognition.createMany({
      data: [
        { ...base, recipientTeamId: s.team.id, createdAt: day("2026-11-02") },
        { ...base, recipientMembershipId: s.member.membership.id, createdAt: day("2026-11-10") },
        { ...base, recipientTeamId: other.id, createdAt: day("2026-11-15") },
        { ...base, recipientTeamId: s.team.id, createdAt: day("2026-11-16") },
        { ...base, recipientTeamId: s.team.id, createdAt: day("2026-10-31") },
      ],
    });
    const period = { from: "2026-11-01", to: "2026-11-15" };
    const all = await recognitionsIn(admin, period);
    expect(all.rows.map((r) => r.createdAt.slice(0, 10))).toEqual(["2026-11-15", "2026-11-10", "2026-11-02"]);
    expect(all.more).toBe(0);
    const mine = await recognitionsIn(admin, period, { teamIds: [s.team.id] }, 1);
    expect(mine.rows.map((r) => r.createdAt.slice(0, 10))).toEqual(["2026-11-10"]);
    expect(mine.more).toBe(1);
  });
});

describe("recognition analytics", () => {
  async function analyticsScenario() {
    const sc = await scenario();
    const { s } = sc;
    // A team of 5 (shown) and a team of 4 (hidden); the scenario's team has 2 people (hidden).
    const big = await buildTeam(db(), s.org.id, { name: "Big team" });
    const small = await buildTeam(db(), s.org.id, { name: "Small team" });
    const bigPeople = await Promise.all(Array.from({ length: 5 }, () => buildMember(db(), s.org.id, "MEMBER")));
    const smallPeople = await Promise.all(Array.from({ length: 4 }, () => buildMember(db(), s.org.id, "MEMBER")));
    await db().teamMember.createMany({
      data: [
        ...bigPeople.map((p) => ({ organizationId: s.org.id, teamId: big.id, membershipId: p.membership.id })),
        ...smallPeople.map((p) => ({ organizationId: s.org.id, teamId: small.id, membershipId: p.membership.id })),
      ],
    });
    const b2 = await buildBehaviour(db(), {
      organizationId: s.org.id,
      valueId: s.value.id,
      ownerId: s.leader.membership.id,
    });
    const base = { organizationId: s.org.id, act: ACT, customerEffect: EFFECT };
    const day = (d: string, h = 10) => new Date(`${d}T${String(h).padStart(2, "0")}:00:00Z`);
    await db().recognition.createMany({
      data: [
        // Week of 2 Nov (Monday): to the big team, and to two of its people.
        {
          ...base,
          giverId: smallPeople[0]!.membership.id,
          recipientTeamId: big.id,
          behaviourId: s.behaviour.id,
          createdAt: day("2026-11-02"),
        },
        {
          ...base,
          giverId: s.admin.membership.id,
          recipientMembershipId: bigPeople[0]!.membership.id,
          behaviourId: b2.id,
          createdAt: day("2026-11-08", 23),
        },
        {
          ...base,
          giverId: bigPeople[1]!.membership.id,
          recipientMembershipId: bigPeople[2]!.membership.id,
          behaviourId: b2.id,
          createdAt: day("2026-11-04"),
        },
        // Week of 9 Nov: to the small team's people.
        {
          ...base,
          giverId: bigPeople[0]!.membership.id,
          recipientMembershipId: smallPeople[1]!.membership.id,
          behaviourId: s.behaviour.id,
          createdAt: day("2026-11-09", 0),
        },
        {
          ...base,
          giverId: bigPeople[0]!.membership.id,
          recipientTeamId: small.id,
          behaviourId: s.behaviour.id,
          createdAt: day("2026-11-12"),
        },
        // Week of 16 Nov.
        {
          ...base,
          giverId: s.member.membership.id,
          recipientTeamId: s.team.id,
          behaviourId: b2.id,
          createdAt: day("2026-11-20"),
        },
        // Outside the period.
        {
          ...base,
          giverId: s.member.membership.id,
          recipientTeamId: big.id,
          behaviourId: b2.id,
          createdAt: day("2026-10-25"),
        },
      ],
    });
    return { ...sc, big, small, b2, bigPeople, smallPeople };
  }

  const PERIOD = { from: "2026-11-02", to: "2026-11-22" };

  it("is for managers only", async () => {
    const { member } = await scenario();
    await expect(recognitionAnalytics(member, PERIOD)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("counts per behaviour and week exactly as a direct GROUP BY does", async () => {
    const { s, manager } = await analyticsScenario();
    const a = await recognitionAnalytics(manager, PERIOD);
    const direct = await db().$queryRaw<{ behaviourId: string; week: Date; n: number }[]>`
      SELECT "behaviourId", date_trunc('week', "createdAt") AS week, count(*)::int AS n
        FROM "Recognition"
       WHERE "organizationId" = ${s.org.id} AND "createdAt" >= '2026-11-02' AND "createdAt" < '2026-11-23'
       GROUP BY 1, 2`;
    expect(a.weeks.map((w) => w.weekStart)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    const fromAnalytics = a.byBehaviour
      .flatMap((b) => b.weeks.map((n, i) => ({ behaviourId: b.behaviourId, week: a.weeks[i]!.weekStart, n })))
      .filter((x) => x.n > 0)
      .sort((x, y) => `${x.behaviourId}${x.week}`.localeCompare(`${y.behaviourId}${y.week}`));
    const fromSql = direct
      .map((d) => ({ behaviourId: d.behaviourId, week: weekStart(dayOf(d.week)), n: d.n }))
      .sort((x, y) => `${x.behaviourId}${x.week}`.localeCompare(`${y.behaviourId}${y.week}`));
    expect(fromAnalytics).toEqual(fromSql);
    expect(a.total).toBe(6);
    expect(a.weeks.map((w) => w.count)).toEqual([3, 2, 1]);
  });

  it("counts per team what the team and its people received, and hides teams under 5 people", async () => {
    const { s, manager, big, small } = await analyticsScenario();
    const a = await recognitionAnalytics(manager, PERIOD);
    const direct = await db().$queryRaw<{ teamId: string; n: number }[]>`
      SELECT t."id" AS "teamId", count(DISTINCT r."id")::int AS n
        FROM "Team" t
        JOIN "Recognition" r ON r."recipientTeamId" = t."id"
          OR r."recipientMembershipId" IN (SELECT "membershipId" FROM "TeamMember" WHERE "teamId" = t."id")
       WHERE t."organizationId" = ${s.org.id} AND r."createdAt" >= '2026-11-02' AND r."createdAt" < '2026-11-23'
       GROUP BY t."id"`;
    const byId = new Map(a.byTeam.map((t) => [t.teamId, t]));
    expect(byId.get(big.id)).toEqual({
      teamId: big.id,
      name: "Big team",
      people: 5,
      hidden: false,
      received: direct.find((d) => d.teamId === big.id)!.n,
      given: 3,
      weeks: [3, 0, 0],
    });
    expect(direct.find((d) => d.teamId === big.id)!.n).toBe(3);
    // Small teams: the name and the rule, no figure at all (not even a zero).
    expect(byId.get(small.id)).toEqual({
      teamId: small.id,
      name: "Small team",
      people: 4,
      hidden: true,
      reason: "small",
    });
    expect(byId.get(s.team.id)).toEqual({
      teamId: s.team.id,
      name: s.team.name,
      people: 2,
      hidden: true,
      reason: "small",
    });
    expect(JSON.stringify(byId.get(small.id))).not.toMatch(/received|given|weeks/);
  });

  it("gives the share of people who gave or received one (a team's recognition counts for its people)", async () => {
    const { manager } = await analyticsScenario();
    const a = await recognitionAnalytics(manager, PERIOD);
    // 4 of the scenario + 5 + 4 = 13 active people.
    // Gave: smallPeople[0], admin, bigPeople[1], bigPeople[0], member = 5.
    // Received: the whole big team (5), smallPeople[1] and the small team (4), member and manager (scenario team) = 11.
    expect(a.people).toEqual({ active: 13, hidden: false, gave: 5, received: 11, gaveOrReceived: 12 });
  });

  it("hides the organisation's shares too when it has fewer than 5 people", async () => {
    const { s, manager } = await scenario();
    await giveRecognition(manager, form({ recipientTeamId: s.team.id, behaviourId: s.behaviour.id }));
    const a = await recognitionAnalytics(manager, { from: dayOf(new Date()), to: dayOf(new Date()) });
    expect(a.people).toEqual({ active: 4, hidden: true });
    expect(a.total).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createRitual, getRitual, updateRitual } from "@/lib/server/data/rituals";
import {
  addAgendaItem,
  moveAgendaItem,
  openOccurrence,
  removeAgendaItem,
  saveAgendaNotes,
  setAgendaStory,
  setOccurrenceState,
} from "@/lib/server/data/occurrences";
import { getOccurrence, occurrenceMarkdown } from "@/lib/server/data/occurrence-view";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { RitualInput } from "@/lib/schemas/rituals";
import { RITUAL_KIND_SPECS } from "@/lib/domain/rituals";
import { addDays, dateOnly } from "@/lib/domain/dates";
import { buildMember, buildObservations, buildOrgScenario, buildTeam, setGroupSize } from "../factories";
import { contextFor } from "./support/context";

const ROUNDS = 50;
const MEETING = "2026-11-27"; // a Friday
const PREVIOUS = "2026-11-13";
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

async function scenario() {
  const s = await buildOrgScenario(db());
  // Teams of one or two: these tests are about other rules (the minimum group size: group-size.test.ts).
  await setGroupSize(db(), s.org.id, 1);
  const other = await buildTeam(db(), s.org.id, { name: "Other team" });
  const [admin, manager, member] = await Promise.all([
    contextFor(s.admin.user.id, s.org.id),
    contextFor(s.manager.user.id, s.org.id),
    contextFor(s.member.user.id, s.org.id),
  ]);
  return { s, other, admin, manager, member };
}

const form = (s: Awaited<ReturnType<typeof scenario>>["s"], over: Record<string, unknown> = {}) =>
  RitualInput.parse({
    kind: "RETROSPECTIVE",
    title: `Retrospective ${Math.random().toString(36).slice(2)}`,
    teamId: s.team.id,
    cadence: "FORTNIGHTLY",
    weekday: "5",
    weekOfMonth: "",
    startTime: "15:00",
    startsOn: "2026-11-13",
    facilitatorId: s.manager.membership.id,
    participantIds: [s.member.membership.id],
    ...over,
  });

async function refused(p: Promise<unknown>, kind: new (...a: never[]) => Error) {
  await expect(p).rejects.toBeInstanceOf(kind);
}

describe("scheduling a ritual", () => {
  it("lets managers schedule one for a team of the organisation, and refuses members and foreign ids", async () => {
    const { s, manager, member } = await scenario();
    const id = await createRitual(manager, form(s));
    const r = await getRitual(manager, id, {}, "2026-11-20");
    expect(r).toMatchObject({
      schedule: "Fortnightly on Friday at 15:00",
      nextDate: "2026-11-27",
      scopeName: s.team.name,
    });
    expect(r.participantNames.sort()).toEqual([s.manager.user.name, s.member.user.name].sort());
    expect(r.upcoming).toEqual(["2026-11-27", "2026-12-11", "2026-12-25"]);
    await refused(createRitual(member, form(s)), ForbiddenError);

    const foreign = await buildOrgScenario(db());
    for (const over of [
      { teamId: foreign.team.id },
      { facilitatorId: foreign.manager.membership.id },
      { participantIds: [foreign.member.membership.id] },
    ]) {
      const err = await createRitual(manager, form(s, over)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RuleError);
      expect((err as RuleError).field).toBe(Object.keys(over)[0]);
    }
    const dup = await createRitual(manager, form(s, { title: r.title.toUpperCase() })).catch((e: unknown) => e);
    expect((dup as RuleError).field).toBe("title");
  });

  it("refuses a save on top of someone else's, and a schedule without its weekday", async () => {
    const { s, manager } = await scenario();
    const id = await createRitual(manager, form(s));
    await updateRitual(manager, id, 1, form(s, { title: "Support retro" }));
    await refused(updateRitual(manager, id, 1, form(s, { title: "Another title" })), RuleError);
    expect((await getRitual(manager, id)).title).toBe("Support retro");
    const bad = RitualInput.safeParse({ ...form(s), cadence: "MONTHLY", weekday: "5", weekOfMonth: "" });
    expect(bad.success).toBe(false);
  });
});

describe("a meeting's agenda", () => {
  it("starts from the kind's template, covers the days since the previous meeting, and opens once", async () => {
    const { s, manager } = await scenario();
    const id = await createRitual(manager, form(s));
    const first = await openOccurrence(manager, id, PREVIOUS);
    const second = await openOccurrence(manager, id, MEETING);
    expect(await openOccurrence(manager, id, MEETING)).toBe(second);
    const o = await getOccurrence(manager, second);
    expect(o.periodStart).toBe("2026-11-14");
    expect((await getOccurrence(manager, first)).periodStart).toBe("2026-10-30");
    expect(o.items.map((i) => i.title)).toEqual(RITUAL_KIND_SPECS.RETROSPECTIVE.agenda.map((i) => i.title));
    expect(o.items.filter((i) => i.section === "PROMPT").map((i) => i.prompt)).toEqual([
      "Which recent deliverables had the most positive impact on customers?",
      "Where did we miss an opportunity to address a customer pain point?",
    ]);
  });

  it(`opened by two people at once is one meeting with one agenda (${ROUNDS} rounds)`, async () => {
    const { s, manager, admin } = await scenario();
    const id = await createRitual(manager, form(s));
    for (let i = 0; i < ROUNDS; i++) {
      const day = addDays("2027-01-01", i * 14);
      const [a, b] = await Promise.all([openOccurrence(manager, id, day), openOccurrence(admin, id, day)]);
      expect(a).toBe(b);
    }
    const counts = await db().agendaItem.groupBy({
      by: ["occurrenceId"],
      where: { occurrence: { ritualId: id } },
      _count: true,
    });
    expect(counts).toHaveLength(ROUNDS);
    expect(new Set(counts.map((c) => c._count))).toEqual(new Set([RITUAL_KIND_SPECS.RETROSPECTIVE.agenda.length]));
  });

  it(`keeps every position distinct when items are moved at once (${ROUNDS} rounds)`, async () => {
    const { s, manager, admin } = await scenario();
    const id = await createRitual(manager, form(s));
    const occ = await openOccurrence(manager, id, MEETING);
    const items = await db().agendaItem.findMany({ where: { occurrenceId: occ }, orderBy: { position: "asc" } });
    for (let i = 0; i < ROUNDS; i++) {
      await Promise.all([
        moveAgendaItem(manager, items[1 + (i % 3)]!.id, "down"),
        moveAgendaItem(admin, items[2 + (i % 3)]!.id, "up"),
      ]);
      const positions = (
        await db().agendaItem.findMany({ where: { occurrenceId: occ }, select: { position: true } })
      ).map((p) => p.position);
      expect(new Set(positions).size).toBe(items.length);
    }
  });

  it("lets the facilitator run it, participants take notes, and nobody else change it", async () => {
    const { s, manager, member, admin } = await scenario();
    const outsider = await contextFor((await buildMember(db(), s.org.id, "MEMBER")).user.id, s.org.id);
    // A member may facilitate: the data layer, not the role, decides who runs the meeting.
    const id = await createRitual(admin, form(s, { facilitatorId: s.member.membership.id, participantIds: [] }));
    const occ = await openOccurrence(member, id, MEETING);
    await refused(openOccurrence(outsider, id, PREVIOUS), ForbiddenError);
    const [carried, story] = (await getOccurrence(member, occ)).items;
    await addAgendaItem(member, occ, "Pricing page", "What did the customer try first?");
    await refused(addAgendaItem(outsider, occ, "Mine", ""), ForbiddenError);
    await refused(removeAgendaItem(member, carried!.id), RuleError);
    await saveAgendaNotes(member, story!.id, story!.version, "Two customers reopened tickets.");
    await refused(saveAgendaNotes(outsider, story!.id, story!.version + 1, "x"), ForbiddenError);
    // A stale version: someone saved in between.
    await refused(saveAgendaNotes(manager, story!.id, story!.version, "Overwrites?"), RuleError);
    const o = await getOccurrence(outsider, occ);
    expect(o).toMatchObject({ canRun: false, canTakeNotes: false });
    expect(o.items.find((i) => i.id === story!.id)!.notes).toBe("Two customers reopened tickets.");
    expect(o.items.at(-1)).toMatchObject({ section: "PROMPT", title: "Pricing page" });
    const denied = await db().auditEvent.count({
      where: { organizationId: s.org.id, actorUserId: outsider.userId, action: "access.denied" },
    });
    expect(denied).toBe(3);
    await setOccurrenceState(member, occ, "held");
    expect((await getOccurrence(member, occ)).held).toBe(true);
  });

  it("is not found from another organisation, whatever is asked of it", async () => {
    const { s, manager } = await scenario();
    const id = await createRitual(manager, form(s));
    const occ = await openOccurrence(manager, id, MEETING);
    const item = (await getOccurrence(manager, occ)).items[1]!;
    const foreign = await buildOrgScenario(db());
    const stranger = await contextFor(foreign.admin.user.id, foreign.org.id);
    for (const call of [
      () => getRitual(stranger, id),
      () => getOccurrence(stranger, occ),
      () => occurrenceMarkdown(stranger, occ),
      () => openOccurrence(stranger, id, PREVIOUS),
      () => addAgendaItem(stranger, occ, "x", ""),
      () => moveAgendaItem(stranger, item.id, "up"),
      () => saveAgendaNotes(stranger, item.id, item.version, "x"),
      () => setOccurrenceState(stranger, occ, "held"),
    ])
      await refused(call(), NotFoundError);
  });

  it("takes only the organisation's own stories", async () => {
    const { s, manager } = await scenario();
    const id = await createRitual(manager, form(s, { kind: "LEADERSHIP_CHECK_IN" }));
    const occ = await openOccurrence(manager, id, MEETING);
    const slot = (await getOccurrence(manager, occ)).items.find((i) => i.section === "CUSTOMER_STORY")!;
    const foreign = await buildOrgScenario(db());
    const feedback = (orgId: string, createdById: string, isStory: boolean) =>
      db().customerFeedback.create({
        data: {
          organizationId: orgId,
          quote: "They called me before closing the ticket.",
          source: "SUPPORT_TICKET",
          receivedOn: dateOnly("2026-11-20"),
          sentiment: "POSITIVE",
          isStory,
          createdById,
        },
      });
    const theirs = await feedback(foreign.org.id, foreign.manager.membership.id, true);
    const notStory = await feedback(s.org.id, s.manager.membership.id, false);
    const story = await feedback(s.org.id, s.manager.membership.id, true);
    for (const storyId of [theirs.id, notStory.id])
      expect(((await setAgendaStory(manager, slot.id, storyId).catch((e: unknown) => e)) as RuleError).field).toBe(
        "storyId",
      );
    await setAgendaStory(manager, slot.id, story.id);
    const o = await getOccurrence(manager, occ);
    expect(o.items.find((i) => i.id === slot.id)!.storyId).toBe(story.id);
    expect((await occurrenceMarkdown(manager, occ)).text).toContain("“They called me before closing the ticket.”");
  });
});

/** A ritual's scope with data in and out of it, in the period and the one before. */
async function agendaScenario() {
  const base = await scenario();
  const { s, other, manager } = base;
  const behaviours = s.behaviour;
  const observe = (teamId: string, day: string, performed: number, missed: number) =>
    buildObservations(db(), [
      {
        organizationId: s.org.id,
        behaviourId: behaviours.id,
        teamId,
        occurredAt: noon(day),
        performed,
        missed,
      },
    ]);
  // The period (14 → 27 Nov) against the 14 days before it (31 Oct → 13 Nov).
  await observe(s.team.id, "2026-11-05", 2, 8);
  await observe(s.team.id, "2026-11-20", 9, 1);
  await observe(other.id, "2026-11-05", 9, 1); // another team: not in the scope
  await observe(other.id, "2026-11-20", 1, 9);
  const id = await createRitual(manager, form(s));
  const earlier = await openOccurrence(manager, id, PREVIOUS);
  const occ = await openOccurrence(manager, id, MEETING);
  const action = (title: string, over: Record<string, unknown>) =>
    db().actionItem.create({
      data: {
        organizationId: s.org.id,
        title,
        ownerId: s.member.membership.id,
        createdById: s.manager.membership.id,
        ...over,
      },
    });
  await action("Open from last time", { occurrenceId: earlier, dueOn: dateOnly("2026-11-20") });
  await action("Closed from last time", { occurrenceId: earlier, status: "DONE", closedAt: noon("2026-11-18") });
  await action("Agreed today", { occurrenceId: occ });
  await action("Overdue in the team", { teamId: s.team.id, dueOn: dateOnly("2026-11-01") });
  await action("Overdue elsewhere", { teamId: other.id, dueOn: dateOnly("2026-11-01") });
  const feedback = async (quote: string, day: string, sentiment: "NEGATIVE" | "POSITIVE", teamId: string) => {
    const f = await db().customerFeedback.create({
      data: {
        organizationId: s.org.id,
        quote,
        source: "SUPPORT_TICKET",
        receivedOn: dateOnly(day),
        sentiment,
        createdById: s.manager.membership.id,
      },
    });
    await db().feedbackTeam.create({ data: { organizationId: s.org.id, feedbackId: f.id, teamId } });
    return f;
  };
  const linked = await feedback("Closed without asking me.", "2026-11-18", "NEGATIVE", s.team.id);
  await db().feedbackBehaviour.create({
    data: { organizationId: s.org.id, feedbackId: linked.id, behaviourId: s.behaviour.id },
  });
  await feedback("Nobody told us.", "2026-11-25", "NEGATIVE", s.team.id);
  await feedback("Thanks for checking.", "2026-11-26", "POSITIVE", s.team.id);
  await feedback("Before the period.", "2026-11-10", "NEGATIVE", s.team.id);
  await feedback("Another team's customer.", "2026-11-20", "NEGATIVE", other.id);
  await db().teamMember.create({
    data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
  });
  const recognise = (day: string, to: { recipientMembershipId?: string; recipientTeamId?: string }) =>
    db().recognition.create({
      data: {
        organizationId: s.org.id,
        giverId: s.manager.membership.id,
        behaviourId: s.behaviour.id,
        act: "Called the customer before closing.",
        customerEffect: "The customer found a second problem on the call.",
        createdAt: new Date(`${day}T18:00:00Z`),
        ...to,
      },
    });
  await recognise("2026-11-27", { recipientMembershipId: s.member.membership.id }); // the meeting's own day
  await recognise("2026-11-21", { recipientTeamId: s.team.id });
  await recognise("2026-11-12", { recipientTeamId: s.team.id }); // before the period
  await recognise("2026-11-21", { recipientTeamId: other.id }); // another team
  return { ...base, occ };
}

describe("a meeting's agenda contents", () => {
  it("equal direct queries over the ritual's scope and period", async () => {
    const { s, manager, occ } = await agendaScenario();
    const o = await getOccurrence(manager, occ);
    const c = o.content;
    const period = { from: "2026-11-14", to: "2026-11-27" };

    const adoption = await db().$queryRaw<{ side: string; performed: bigint; missed: bigint }[]>`
      SELECT CASE WHEN "day" >= ${dateOnly(period.from)} THEN 'after' ELSE 'before' END AS side,
             SUM("performed") AS performed, SUM("missed") AS missed
      FROM "ObservationDaily"
      WHERE "organizationId" = ${s.org.id} AND "teamId" = ${s.team.id}
        AND "day" BETWEEN ${dateOnly("2026-10-31")} AND ${dateOnly(period.to)}
      GROUP BY side ORDER BY side`;
    const rate = (side: string) => {
      const r = adoption.find((a) => a.side === side)!;
      return Number(r.performed) / (Number(r.performed) + Number(r.missed));
    };
    expect(c.rises).toEqual([
      expect.objectContaining({
        behaviourId: s.behaviour.id,
        before: rate("before"),
        after: rate("after"),
        changePts: 70,
      }),
    ]);
    expect(c.falls).toEqual([]);

    const carried = await db().$queryRaw<{ title: string }[]>`
      SELECT a."title" FROM "ActionItem" a JOIN "RitualOccurrence" o ON o."id" = a."occurrenceId"
      WHERE a."organizationId" = ${s.org.id} AND a."status" = 'OPEN' AND o."ritualId" = ${o.ritualId}
        AND o."date" < ${dateOnly(MEETING)}
      ORDER BY a."title"`;
    expect(c.carried.map((a) => a.title).sort()).toEqual(carried.map((r) => r.title));
    expect(c.carried).toEqual([expect.objectContaining({ title: "Open from last time", overdue: true })]);
    expect(c.openActions.map((a) => a.title)).toEqual(["Overdue in the team"]);
    expect(o.actions.map((a) => a.title)).toEqual(["Agreed today"]);

    const heard = await db().$queryRaw<{ quote: string }[]>`
      SELECT f."quote" FROM "CustomerFeedback" f
      WHERE f."organizationId" = ${s.org.id} AND f."receivedOn" BETWEEN ${dateOnly(period.from)} AND ${dateOnly(period.to)}
        AND EXISTS (SELECT 1 FROM "FeedbackTeam" t WHERE t."feedbackId" = f."id" AND t."teamId" = ${s.team.id})
      ORDER BY f."receivedOn" DESC`;
    expect(c.feedback.map((f) => f.quote)).toEqual(heard.map((h) => h.quote));
    expect(c.moreFeedback).toBe(0);

    const pains = await db().$queryRaw<{ key: string; n: bigint }[]>`
      SELECT COALESCE(MIN(b."behaviourId"), 'none') AS key, COUNT(*) AS n FROM "CustomerFeedback" f
      LEFT JOIN "FeedbackBehaviour" b ON b."feedbackId" = f."id"
      WHERE f."organizationId" = ${s.org.id} AND f."sentiment" = 'NEGATIVE'
        AND f."receivedOn" BETWEEN ${dateOnly(period.from)} AND ${dateOnly(period.to)}
        AND EXISTS (SELECT 1 FROM "FeedbackTeam" t WHERE t."feedbackId" = f."id" AND t."teamId" = ${s.team.id})
      GROUP BY f."id"`;
    const expected = new Map<string, number>();
    for (const p of pains) {
      const key = p.key === "none" ? "none" : `behaviour:${p.key}`;
      expected.set(key, (expected.get(key) ?? 0) + Number(p.n));
    }
    expect(new Map(c.painPoints.map((p) => [p.key, p.count]))).toEqual(expected);

    const recognised = await db().$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "Recognition" r
      WHERE r."organizationId" = ${s.org.id}
        AND r."createdAt" >= ${new Date(`${period.from}T00:00:00Z`)} AND r."createdAt" < ${new Date("2026-11-28T00:00:00Z")}
        AND (r."recipientTeamId" = ${s.team.id} OR EXISTS (
          SELECT 1 FROM "TeamMember" m WHERE m."membershipId" = r."recipientMembershipId" AND m."teamId" = ${s.team.id}))`;
    expect(c.recognitions).toHaveLength(Number(recognised[0]!.n));
    expect(c.recognitions).toHaveLength(2);
  });

  it("writes the agenda as Markdown in its order, escaping what people typed", async () => {
    const { manager, occ } = await agendaScenario();
    const o = await getOccurrence(manager, occ);
    await addAgendaItem(manager, occ, "# Not a heading [link](http://x)", "");
    await saveAgendaNotes(manager, o.items[0]!.id, o.items[0]!.version, "First line\n\n- second");
    const { text, name } = await occurrenceMarkdown(manager, occ);
    expect(name).toMatch(/^retrospective-[a-z0-9-]+-2026-11-27$/);
    expect(text).toContain("## 1. Open actions from last time");
    expect(text).toContain("- Open from last time (");
    expect(text).toContain("> First line\n> \\- second");
    expect(text).toContain(`## ${o.items.length + 1}. # Not a heading \\[link\\](http://x)`);
    const order = o.items.map((i) => text.indexOf(`. ${i.title}`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

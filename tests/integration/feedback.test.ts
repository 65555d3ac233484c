// Customer feedback (issue 16): what customers said, verbatim, linked to what it is about; searched,
// imported (all or nothing, never twice), exported, told as stories, and turned into barriers.
// Runs on PGlite and on PostgreSQL.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { BarrierInput } from "@/lib/schemas/barriers";
import { FeedbackFilter, FeedbackInput, FeedbackUpdateInput } from "@/lib/schemas/feedback";
import {
  createFeedback,
  deleteFeedback,
  FEEDBACK_PAGE_SIZE,
  FeedbackConflictError,
  getFeedback,
  listFeedback,
  setFeedbackStory,
  updateFeedback,
} from "@/lib/server/data/feedback";
import {
  commitFeedbackImport,
  EXPORT_PAGE,
  exportFeedbackCsv,
  previewFeedbackImport,
} from "@/lib/server/data/feedback-transfer";
import { barrierFeedback, createBarrierFromFeedback, painPoints } from "@/lib/server/data/feedback-evidence";
import { recentStories, saveCustomerStory } from "@/lib/server/data/customer-stories";
import { createBarrier } from "@/lib/server/data/barriers";
import { createMetric } from "@/lib/server/data/metric-editor";
import { MetricInput } from "@/lib/schemas/metrics";
import { parseCsv } from "@/lib/domain/csv";
import { listAuditEvents } from "@/lib/server/data/audit-trail";
import { AuditFilter } from "@/lib/schemas/audit-trail";
import { buildBehaviour, buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";
import type { MemberContext } from "@/lib/server/data/accounts";

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function world(name = "Feedback") {
  const s = await buildOrgScenario(db(), { name: `${name} ${Math.random().toString(36).slice(2, 8)}` });
  const [admin, leader, manager, member] = await Promise.all([
    contextFor(s.admin.user.id, s.org.id),
    contextFor(s.leader.user.id, s.org.id),
    contextFor(s.manager.user.id, s.org.id),
    contextFor(s.member.user.id, s.org.id),
  ]);
  const other = await buildMember2(s.org.id);
  const barrierId = await createBarrier(
    manager,
    BarrierInput.parse({
      title: "Nobody owns the ticket queue",
      description: "Engineers are on three projects; the queue is owned by nobody.",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      feasibility: "DIFFICULT",
      impact: "4",
      reach: "3",
      ease: "2",
      behaviourIds: [s.behaviour.id],
      teamIds: [s.team.id],
    }),
  );
  const metricId = await createMetric(
    manager,
    MetricInput.parse({
      name: "Time to resolution",
      unit: "h",
      description: "",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "DOWN",
      ownerId: s.leader.membership.id,
      teamIds: [s.team.id],
      sourceBehaviourId: "",
      targetType: "AT_MOST",
      targetValue: "24",
      targetDate: "",
    }),
  );
  return { s, admin, leader, manager, member, other, barrierId, metricId };
}

/** A second member, to show one member cannot change another's feedback. */
async function buildMember2(orgId: string): Promise<MemberContext> {
  const { buildMember } = await import("../factories");
  const m = await buildMember(db(), orgId, "MEMBER");
  return contextFor(m.user.id, orgId);
}

type World = Awaited<ReturnType<typeof world>>;

const form = (w: World, over: Record<string, unknown> = {}) =>
  FeedbackInput.parse({
    quote: "I waited three days and nobody told me the fix was live.",
    source: "SUPPORT_TICKET",
    receivedOn: today,
    customer: "Enterprise, EU",
    sentiment: "NEGATIVE",
    behaviourIds: [w.s.behaviour.id],
    barrierIds: [w.barrierId],
    metricIds: [w.metricId],
    teamIds: [w.s.team.id],
    ...over,
  });

const update = (w: World, over: Record<string, unknown> = {}) => {
  const { isStory: _s, occurrenceId: _o, ...fields } = form(w, over);
  return FeedbackUpdateInput.parse({ ...fields, id: "x", version: "1" });
};

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => "resolved",
    (e: unknown) => e,
  );
}

const countOf = (orgId: string) => db().customerFeedback.count({ where: { organizationId: orgId } });

describe("recording and changing feedback", () => {
  it("lets a member record feedback with every link and read it back", async () => {
    const w = await world();
    const id = await createFeedback(w.member, form(w));
    const f = await getFeedback(w.member, id);
    expect(f).toMatchObject({
      quote: "I waited three days and nobody told me the fix was live.",
      source: "SUPPORT_TICKET",
      receivedOn: today,
      customer: "Enterprise, EU",
      sentiment: "NEGATIVE",
      isStory: false,
      version: 1,
      canEdit: true,
      behaviours: [{ id: w.s.behaviour.id, name: w.s.behaviour.title }],
      barriers: [{ id: w.barrierId, name: "Nobody owns the ticket queue" }],
      metrics: [{ id: w.metricId, name: "Time to resolution" }],
      teams: [{ id: w.s.team.id, name: w.s.team.name }],
    });
    const audit = await db().auditEvent.findFirst({
      where: { organizationId: w.s.org.id, action: "feedback.create", targetId: id },
      select: { targetType: true, actorUserId: true },
    });
    expect(audit).toEqual({ targetType: "Feedback", actorUserId: w.member.userId });
    // The audit trail names it by the start of the customer's words.
    const trail = await listAuditEvents(w.admin, AuditFilter.parse({ action: "feedback" }));
    expect(trail.rows.map((r) => [r.action, r.targetLabel, r.targetName])).toEqual([
      ["feedback.create", "Customer feedback", "“I waited three days and nobody told me the fix was live.”"],
    ]);
  });

  it("lets a member edit and delete their own, not another member's; feedback.manage changes anyone's", async () => {
    const w = await world();
    const mine = await createFeedback(w.member, form(w));
    await updateFeedback(w.member, mine, 1, update(w, { quote: "Three days, and not a word from you." }));
    expect((await getFeedback(w.member, mine)).quote).toBe("Three days, and not a word from you.");

    expect((await getFeedback(w.other, mine)).canEdit).toBe(false);
    const before = await db().customerFeedback.findUniqueOrThrow({ where: { id: mine } });
    expect(
      await failure(updateFeedback(w.other, mine, 2, update(w, { quote: "Not yours to change." }))),
    ).toBeInstanceOf(ForbiddenError);
    expect(await failure(deleteFeedback(w.other, mine))).toBeInstanceOf(ForbiddenError);
    expect(await failure(setFeedbackStory(w.other, mine, true))).toBeInstanceOf(ForbiddenError);
    expect(await db().customerFeedback.findUniqueOrThrow({ where: { id: mine } })).toEqual(before);

    await updateFeedback(w.manager, mine, 2, update(w, { sentiment: "MIXED" }));
    expect((await getFeedback(w.member, mine)).sentiment).toBe("MIXED");
    await deleteFeedback(w.manager, mine);
    expect(await failure(getFeedback(w.member, mine))).toBeInstanceOf(NotFoundError);
    expect(await db().feedbackBehaviour.count({ where: { feedbackId: mine } })).toBe(0);
  });

  it("refuses a link to another organisation's behaviour, barrier, metric or team as not found, writing nothing", async () => {
    const w = await world();
    const x = await world("Elsewhere");
    const foreign = {
      behaviourIds: [x.s.behaviour.id],
      barrierIds: [x.barrierId],
      metricIds: [x.metricId],
      teamIds: [x.s.team.id],
    };
    const own = await createFeedback(w.member, form(w));
    for (const [key, ids] of Object.entries(foreign)) {
      expect(await failure(createFeedback(w.member, form(w, { [key]: ids }))), key).toBeInstanceOf(NotFoundError);
      expect(await failure(updateFeedback(w.member, own, 1, update(w, { [key]: ids }))), key).toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await countOf(w.s.org.id)).toBe(1);
    expect((await getFeedback(w.member, own)).version).toBe(1);
    // Nor another organisation's item, nor its ritual occurrence.
    const theirs = await createFeedback(x.member, form(x));
    expect(await failure(getFeedback(w.admin, theirs))).toBeInstanceOf(NotFoundError);
    expect(await failure(setFeedbackStory(w.admin, theirs, true))).toBeInstanceOf(NotFoundError);
    const occurrence = await occurrenceOf(x);
    expect(await failure(createFeedback(w.member, form(w, { occurrenceId: occurrence })))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await createFeedback(x.member, form(x, { occurrenceId: occurrence }))).toBeTruthy();
  });

  it("refuses a save on top of someone else's change (version), and of two racing saves exactly one wins (50 rounds)", async () => {
    const w = await world();
    const id = await createFeedback(w.member, form(w));
    await updateFeedback(w.manager, id, 1, update(w, { customer: "Acme" }));
    expect(await failure(updateFeedback(w.member, id, 1, update(w, { customer: "Globex" })))).toBeInstanceOf(
      FeedbackConflictError,
    );
    expect((await getFeedback(w.member, id)).customer).toBe("Acme");
    for (let round = 0; round < 50; round++) {
      const { version } = await getFeedback(w.member, id);
      const results = await Promise.allSettled([
        updateFeedback(w.member, id, version, update(w, { customer: `Member ${round}` })),
        updateFeedback(w.manager, id, version, update(w, { customer: `Manager ${round}` })),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(FeedbackConflictError);
      expect((await getFeedback(w.member, id)).version).toBe(version + 1);
    }
  });
});

async function occurrenceOf(w: World): Promise<string> {
  const ritual = await db().ritual.create({
    data: {
      organizationId: w.s.org.id,
      kind: "CUSTOMER_CLINIC",
      title: `Clinic ${Math.random()}`,
      cadence: "MONTHLY",
      weekday: 2,
      weekOfMonth: 1,
      startsOn: new Date(`${today}T00:00:00Z`),
      facilitatorId: w.s.manager.membership.id,
      createdById: w.s.manager.membership.id,
    },
  });
  const o = await db().ritualOccurrence.create({
    data: {
      organizationId: w.s.org.id,
      ritualId: ritual.id,
      date: new Date(`${today}T00:00:00Z`),
      periodStart: new Date(`${daysAgo(30)}T00:00:00Z`),
    },
  });
  return o.id;
}

describe("finding feedback", () => {
  it("searches the quote and the customer, case-insensitively, every word, with wildcards taken literally", async () => {
    const w = await world();
    const a = await createFeedback(w.member, form(w, { quote: "The EXPORT timed out at 50% again", customer: "Acme" }));
    const b = await createFeedback(
      w.member,
      form(w, { quote: "Support replied within the hour", customer: "Export team at Globex" }),
    );
    const c = await createFeedback(w.member, form(w, { quote: "Prices went up 5 percent", customer: "" }));
    const ids = async (q: string) =>
      (await listFeedback(w.member, FeedbackFilter.parse({ q }))).rows.map((r) => r.id).sort();
    expect(await ids("export")).toEqual([a, b].sort());
    expect(await ids("export acme")).toEqual([a]);
    expect(await ids("GLOBEX")).toEqual([b]);
    expect(await ids("50%")).toEqual([a]);
    expect(await ids("%")).toEqual([a]);
    expect(await ids("_")).toEqual([]);
    expect(await ids("percent")).toEqual([c]);
    const d = await createFeedback(w.member, form(w, { quote: "Saving to C:\\temp_files failed" }));
    expect(await ids("c:\\temp_")).toEqual([d]);
    expect(await ids("\\")).toEqual([d]);
    // Another organisation's words are never found.
    const x = await world("Elsewhere");
    await createFeedback(x.member, form(x, { quote: "The export timed out for us too" }));
    expect(await ids("export")).toEqual([a, b].sort());
  });

  it("filters by sentiment, source, team, behaviour, barrier, dates and stories, and pages by keyset without gaps", async () => {
    const w = await world();
    const team2 = await buildTeam(db(), w.s.org.id);
    const pos = await createFeedback(
      w.member,
      form(w, {
        sentiment: "POSITIVE",
        source: "REVIEW",
        receivedOn: daysAgo(10),
        teamIds: [team2.id],
        barrierIds: [],
        behaviourIds: [],
      }),
    );
    const story = await createFeedback(w.member, form(w, { isStory: "on", receivedOn: daysAgo(3) }));
    const ids = async (f: Record<string, string>) =>
      (await listFeedback(w.member, FeedbackFilter.parse(f))).rows.map((r) => r.id).sort();
    expect(await ids({ sentiment: "POSITIVE" })).toEqual([pos]);
    expect(await ids({ source: "REVIEW" })).toEqual([pos]);
    expect(await ids({ team: team2.id })).toEqual([pos]);
    expect(await ids({ barrier: w.barrierId })).toEqual([story]);
    expect(await ids({ behaviour: w.s.behaviour.id })).toEqual([story]);
    expect(await ids({ from: daysAgo(5), to: today })).toEqual([story]);
    expect(await ids({ to: daysAgo(5) })).toEqual([pos]);
    expect(await ids({ stories: "1" })).toEqual([story]);

    // 120 more on a few days: every item exactly once across the pages, newest day first.
    await db().customerFeedback.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        organizationId: w.s.org.id,
        quote: `Bulk ${i}`,
        source: "SURVEY" as const,
        sentiment: "MIXED" as const,
        receivedOn: new Date(`${daysAgo(i % 4)}T00:00:00Z`),
        createdById: w.s.member.membership.id,
      })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listFeedback(w.member, {}, cursor);
      expect(page.rows.length).toBeLessThanOrEqual(FEEDBACK_PAGE_SIZE);
      seen.push(...page.rows.map((r) => r.id));
      const days = page.rows.map((r) => r.receivedOn);
      expect(days).toEqual([...days].sort().reverse());
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(122);
    expect(seen.length).toBe(122);
  });

  it("exports every matching item in pages, with no cap, as CSV that names the links", async () => {
    const w = await world();
    await createFeedback(w.member, form(w, { quote: "=cmd|' /C calc'!A0" }));
    await db().customerFeedback.createMany({
      data: Array.from({ length: EXPORT_PAGE + 7 }, (_, i) => ({
        organizationId: w.s.org.id,
        quote: `Bulk ${i}`,
        source: "SURVEY" as const,
        sentiment: "MIXED" as const,
        receivedOn: new Date(`${daysAgo(1 + (i % 3))}T00:00:00Z`),
        createdById: w.s.member.membership.id,
      })),
    });
    const rows = parseCsv(await exportFeedbackCsv(w.member, {}));
    expect(rows[0]).toEqual([
      "quote",
      "source",
      "date",
      "customer",
      "sentiment",
      "behaviour",
      "barrier",
      "metric",
      "team",
      "story",
    ]);
    expect(rows.length).toBe(1 + EXPORT_PAGE + 8);
    expect(rows[1]).toEqual([
      "'=cmd|' /C calc'!A0",
      "support ticket",
      today,
      "Enterprise, EU",
      "negative",
      w.s.behaviour.title,
      "Nobody owns the ticket queue",
      "Time to resolution",
      w.s.team.name,
      "",
    ]);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(EXPORT_PAGE + 8);
    const filtered = parseCsv(await exportFeedbackCsv(w.member, FeedbackFilter.parse({ sentiment: "NEGATIVE" })));
    expect(filtered.length).toBe(2);
  });
});

describe("importing feedback from CSV", () => {
  const file = (w: World) =>
    [
      "quote,source,date,customer,sentiment,behaviour,barrier,metric,team",
      `"The export timed out, again.",support ticket,${today},Acme,negative,${w.s.behaviour.title},Nobody owns the ticket queue,,${w.s.team.name}`,
      `Loved the onboarding call,sales call,${daysAgo(2)},Globex,positive,,,Time to resolution,`,
      `"Fast, but the fix broke my report",review,${daysAgo(1)},,mixed,,,,`,
    ].join("\n") + "\n";

  it("previews every row with its errors and imports nothing while any row is bad; fixed, imports all with links", async () => {
    const w = await world();
    const bad = file(w).replace("sales call", "telegram").replace(`,${w.s.team.name}`, ",Nowhere");
    const preview = await previewFeedbackImport(w.manager, bad);
    expect(preview.importable).toBe(1);
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, ["No team called “Nowhere”."]],
      [3, ["Source must be one of: support ticket, interview, survey, review, sales call, other."]],
      [4, []],
    ]);
    const refused = await failure(commitFeedbackImport(w.manager, bad));
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as Error).message).toBe("2 row(s) have errors; nothing was imported. Fix them and preview again.");
    expect(await countOf(w.s.org.id)).toBe(0);

    expect(await failure(previewFeedbackImport(w.member, file(w)))).toBeInstanceOf(ForbiddenError);
    expect(await commitFeedbackImport(w.manager, file(w))).toBe(3);
    const page = await listFeedback(w.member, FeedbackFilter.parse({ q: "export" }));
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      quote: "The export timed out, again.",
      customer: "Acme",
      sentiment: "NEGATIVE",
      behaviours: [{ id: w.s.behaviour.id }],
      barriers: [{ id: w.barrierId }],
      teams: [{ id: w.s.team.id }],
    });
    expect((await listFeedback(w.member, FeedbackFilter.parse({ q: "onboarding" }))).rows[0]!.metrics).toEqual([
      { id: w.metricId, name: "Time to resolution" },
    ]);
  });

  it("refuses the same file again, however it was re-saved, naming the earlier import", async () => {
    const w = await world();
    expect(await commitFeedbackImport(w.manager, file(w))).toBe(3);
    const [header, ...rows] = file(w).trim().split("\n");
    const resaved = [header!.toUpperCase(), rows[2], rows[0]!.replace("Acme", "ACME"), rows[1]].join("\r\n");
    const manager = await db().user.findUniqueOrThrow({ where: { id: w.manager.userId }, select: { name: true } });
    const preview = await previewFeedbackImport(w.admin, resaved);
    const message = new RegExp(
      `^This file was already imported on \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d by ${manager.name} \\(3 items\\)\\.`,
    );
    expect(preview.repeat).toMatch(message);
    expect(preview.fileError).toBe(preview.repeat);
    expect(preview.importable).toBe(0);
    const refused = await failure(commitFeedbackImport(w.admin, resaved));
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as Error).message).toMatch(message);
    expect(await countOf(w.s.org.id)).toBe(3);
    // Another organisation may import the same words.
    const x = await world("Elsewhere");
    expect(
      (await previewFeedbackImport(x.manager, "quote,source,date,sentiment\nSlow,survey,2026-01-05,negative\n")).repeat,
    ).toBeNull();
  });

  it("imports a file once when two commits of it race (50 rounds)", async () => {
    const w = await world();
    for (let round = 0; round < 50; round++) {
      const text = `quote,source,date,sentiment\n"Round ${round}: the export timed out",support ticket,${today},negative\nAnd it was slow,survey,${today},negative\n`;
      const results = await Promise.allSettled([
        commitFeedbackImport(w.manager, text),
        commitFeedbackImport(w.admin, text),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(RuleError);
      expect((lost.reason as Error).message).toMatch(/^This file was already imported on/);
    }
    expect(await countOf(w.s.org.id)).toBe(100);
  });
});

describe("customer stories", () => {
  it("marks and unmarks feedback as a story; the standup records a new story with its source and sentiment", async () => {
    const w = await world();
    const older = await createFeedback(w.member, form(w, { receivedOn: daysAgo(5) }));
    const newer = await createFeedback(
      w.member,
      form(w, { quote: "You fixed it before I noticed", sentiment: "POSITIVE" }),
    );
    expect((await recentStories(w.member)).map((s) => s.id)).toEqual([]);
    expect((await recentStories(w.member, { candidates: true })).map((s) => s.id)).toEqual([newer, older]);

    await setFeedbackStory(w.member, older, true);
    await setFeedbackStory(w.manager, newer, true);
    expect((await recentStories(w.member)).map((s) => s.id)).toEqual([newer, older]);
    await setFeedbackStory(w.member, newer, false);
    expect((await recentStories(w.member)).map((s) => s.id)).toEqual([older]);
    // Marking is not an edit of the words: an editor who loaded version 1 can still save.
    await updateFeedback(w.member, older, 1, update(w, { receivedOn: daysAgo(5), customer: "Acme" }));

    const told = await saveCustomerStory(w.manager, {
      meetingDate: today,
      story: "A customer's outage was fixed before they called.",
      customer: "Globex",
      source: "INTERVIEW",
      sentiment: "POSITIVE",
    });
    expect((await recentStories(w.member))[0]).toEqual({
      id: told,
      quote: "A customer's outage was fixed before they called.",
      customer: "Globex",
      source: "INTERVIEW",
      sentiment: "POSITIVE",
      receivedOn: today,
    });
    const x = await world("Elsewhere");
    expect(await recentStories(x.member)).toEqual([]);
  });
});

describe("from a pain point to a barrier", () => {
  const barrierFields = (w: World, over: Record<string, unknown> = {}) =>
    BarrierInput.parse({
      title: "Customers are not told when a fix ships",
      description: "Nobody tells the customer when the fix they waited for is live.",
      evidence: "“I waited three days and nobody told me.”",
      comB: "PSYCHOLOGICAL_CAPABILITY",
      determinant: "CUES_FOR_ACTION",
      feasibility: "DIFFICULT",
      impact: "4",
      reach: "4",
      ease: "3",
      behaviourIds: [w.s.behaviour.id],
      teamIds: [],
      ...over,
    });

  it("creates the barrier and links the feedback as its evidence, counted by sentiment on the barrier", async () => {
    const w = await world();
    const neg = await createFeedback(w.member, form(w, { barrierIds: [] }));
    const mixed = await createFeedback(
      w.member,
      form(w, { barrierIds: [], sentiment: "MIXED", quote: "Fast, but silent" }),
    );
    const occurrence = await occurrenceOf(w);
    const id = await createBarrierFromFeedback(w.manager, [neg, mixed, neg], barrierFields(w), {
      occurrenceId: occurrence,
    });
    const evidence = await barrierFeedback(w.member, id);
    expect(evidence.counts).toEqual({ NEGATIVE: 1, MIXED: 1, POSITIVE: 0 });
    expect(evidence.total).toBe(2);
    expect(evidence.items.map((i) => i.quote).sort()).toEqual([
      "Fast, but silent",
      "I waited three days and nobody told me the fix was live.",
    ]);
    const b = await db().barrier.findUniqueOrThrow({ where: { id }, select: { impact: true, createdById: true } });
    expect(b).toEqual({ impact: 4, createdById: w.s.manager.membership.id });
    expect((await getFeedback(w.member, neg)).barriers).toEqual([
      { id, name: "Customers are not told when a fix ships" },
    ]);
  });

  it("writes neither barrier nor link when any part fails: a bad behaviour, a foreign item, a foreign meeting, a member", async () => {
    const w = await world();
    const x = await world("Elsewhere");
    const mine = await createFeedback(w.member, form(w, { barrierIds: [] }));
    const theirs = await createFeedback(x.member, form(x, { barrierIds: [] }));
    const barriers = () => db().barrier.count({ where: { organizationId: w.s.org.id } });
    const before = await barriers();
    expect(
      await failure(
        createBarrierFromFeedback(w.manager, [mine], barrierFields(w, { behaviourIds: [x.s.behaviour.id] })),
      ),
    ).toBeInstanceOf(RuleError);
    expect(await failure(createBarrierFromFeedback(w.manager, [mine, theirs], barrierFields(w)))).toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await failure(
        createBarrierFromFeedback(w.manager, [mine], barrierFields(w), { occurrenceId: await occurrenceOf(x) }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await failure(createBarrierFromFeedback(w.member, [mine], barrierFields(w)))).toBeInstanceOf(ForbiddenError);
    expect(await barriers()).toBe(before);
    expect(await db().feedbackBarrier.count({ where: { feedbackId: mine } })).toBe(0);
    expect(await db().auditEvent.count({ where: { organizationId: w.s.org.id, action: "barrier.create" } })).toBe(1);
  });
});

describe("pain points for the clinic", () => {
  it("groups the period's negative feedback by behaviour and barrier exactly as SQL GROUP BY does", async () => {
    const w = await world();
    const b2 = await buildBehaviour(
      db(),
      { organizationId: w.s.org.id, valueId: w.s.value.id, ownerId: w.s.leader.membership.id },
      { title: "Replies within an hour" },
    );
    const team2 = await buildTeam(db(), w.s.org.id);
    const make = (over: Record<string, unknown>) => createFeedback(w.member, form(w, over));
    for (let i = 0; i < 4; i++) await make({ quote: `Slow ${i}`, receivedOn: daysAgo(i), barrierIds: [] });
    for (let i = 0; i < 2; i++)
      await make({ quote: `No answer ${i}`, behaviourIds: [b2.id], barrierIds: [], teamIds: [team2.id] });
    await make({ quote: "Both", behaviourIds: [b2.id], barrierIds: [w.barrierId] });
    await make({ quote: "Unlinked", behaviourIds: [], barrierIds: [], teamIds: [] });
    await make({ quote: "Too old", receivedOn: daysAgo(40) });
    await make({ quote: "Praise", sentiment: "POSITIVE" });
    const period = { from: daysAgo(30), to: today };

    const groups = await painPoints(w.manager, period);
    const sql = async (link: "FeedbackBehaviour" | "FeedbackBarrier", col: "behaviourId" | "barrierId") =>
      db().$queryRawUnsafe<{ id: string; n: bigint | number }[]>(
        `SELECT l."${col}" AS id, COUNT(*) AS n FROM "${link}" l JOIN "CustomerFeedback" f ON f.id = l."feedbackId"
         WHERE f."organizationId" = $1 AND f.sentiment = 'NEGATIVE' AND f."receivedOn" BETWEEN $2::date AND $3::date
         GROUP BY l."${col}"`,
        w.s.org.id,
        period.from,
        period.to,
      );
    const expected = [
      ...(await sql("FeedbackBehaviour", "behaviourId")).map((r) => `behaviour:${r.id}:${Number(r.n)}`),
      ...(await sql("FeedbackBarrier", "barrierId")).map((r) => `barrier:${r.id}:${Number(r.n)}`),
      "none:null:1",
    ].sort();
    expect(groups.map((g) => `${g.kind}:${g.id}:${g.count}`).sort()).toEqual(expected);
    expect(groups.map((g) => [g.name, g.count])).toEqual([
      [w.s.behaviour.title, 4],
      ["Replies within an hour", 3],
      ["Nobody owns the ticket queue", 1],
      ["Not linked to a behaviour or barrier", 1],
    ]);
    // The newest three quotes.
    expect(groups[0]!.quotes.map((q) => q.quote)).toEqual(["Slow 0", "Slow 1", "Slow 2"]);
    expect(groups[3]!.quotes.map((q) => q.quote)).toEqual(["Unlinked"]);

    const team = await painPoints(w.manager, period, { teamId: team2.id });
    expect(team.map((g) => [g.name, g.count])).toEqual([["Replies within an hour", 2]]);
    const x = await world("Elsewhere");
    expect(await painPoints(x.manager, period)).toEqual([]);
    expect(await painPoints(x.manager, period, { teamId: team2.id })).toEqual([]);
  });
});

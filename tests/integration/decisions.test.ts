import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  createDecision,
  DecisionConflictError,
  decisionFormOptions,
  getDecision,
  QuestionsChangedError,
  updateDecision,
} from "@/lib/server/data/decisions";
import {
  DECISION_PAGE_SIZE,
  exportDecisionsCsv,
  listDecisions,
  listDecisionsFor,
} from "@/lib/server/data/decision-log";
import { AnchorListConflictError, anchorQuestionList, saveAnchorQuestions } from "@/lib/server/data/anchor-questions";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { AnchorQuestionsInput, DecisionFilter, DecisionInput, DecisionUpdateInput } from "@/lib/schemas/decisions";
import { DEFAULT_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";
import { parseCsv } from "@/lib/domain/csv";
import { listAuditEvents } from "@/lib/server/data/audit-trail";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildBehaviour, buildMember, buildOrgScenario, buildOrganization } from "../factories";
import { readText } from "./support/read-text";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";
import { buildOccurrence } from "./support/embedding-fixtures";

// Issue 16: the decision log. A decision answers the organisation's anchor questions (and a named
// behaviour's own); with any answer empty it is only a draft. Admins edit the question list, which
// never rewrites answers already given.

const [Q1, Q2] = DEFAULT_ANCHOR_QUESTIONS;

async function scenario() {
  const s = await buildOrgScenario(db());
  const [admin, manager, member] = await Promise.all([
    contextFor(s.admin.user.id, s.org.id),
    contextFor(s.manager.user.id, s.org.id),
    contextFor(s.member.user.id, s.org.id),
  ]);
  return { s, admin, manager, member };
}

const decision = (questions: readonly string[], answers: string[], over: Record<string, unknown> = {}) =>
  DecisionInput.parse({
    title: "Answer every ticket with the fix and a confirmation question",
    detail: "",
    teamId: "",
    behaviourId: "",
    occurrenceId: "",
    questions: [...questions],
    answers,
    ...over,
  });

const edit = (id: string, version: number, questions: readonly string[], answers: string[]) =>
  DecisionUpdateInput.parse({
    id,
    version,
    title: "Answer every ticket",
    detail: "",
    teamId: "",
    questions: [...questions],
    answers,
  });

describe("drafts and decisions", () => {
  it("asks the default questions of an organisation that has none, and keeps a decision with an empty answer a draft", async () => {
    const { s, manager } = await scenario();
    expect((await decisionFormOptions(manager)).questions).toEqual([...DEFAULT_ANCHOR_QUESTIONS]);
    const draft = await createDecision(manager, decision([Q1, Q2], ["Customers hear back within the day.", "  "]));
    expect(draft).toMatchObject({ status: "DRAFT", unanswered: [1] });
    expect(await getDecision(manager, draft.id)).toMatchObject({
      status: "DRAFT",
      decidedByName: null,
      decidedAt: null,
      unanswered: 1,
      answers: [
        { question: Q1, answer: "Customers hear back within the day." },
        { question: Q2, answer: "" },
      ],
    });

    const NOW = new Date("2026-11-10T09:00:00Z");
    const decided = await updateDecision(
      manager,
      edit(draft.id, 1, [Q1, Q2], ["Faster answers.", "Less time for docs."]),
      NOW,
    );
    expect(decided).toMatchObject({ status: "DECIDED", unanswered: [], version: 2 });
    expect(await getDecision(manager, draft.id)).toMatchObject({
      status: "DECIDED",
      decidedByName: s.manager.user.name,
      decidedAt: NOW.toISOString(),
    });
    const audit = await db().auditEvent.findMany({ where: { targetId: draft.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["decision.create", "decision.update"]);
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const trail = (await listAuditEvents(admin, { action: "decision.create" })).rows;
    expect(trail.map((e) => [e.targetLabel, e.targetName])).toEqual([["Decision", "Answer every ticket"]]);
  });

  it("keeps the decider and time when a decided decision is edited, and makes it a draft again when an answer is cleared", async () => {
    const { s, admin, manager } = await scenario();
    const d = await createDecision(manager, decision([Q1, Q2], ["Faster answers.", "Less time for docs."]));
    const first = await getDecision(manager, d.id);
    await updateDecision(admin, edit(d.id, 1, [Q1, Q2], ["Faster, clearer answers.", "Less time for docs."]));
    expect(await getDecision(manager, d.id)).toMatchObject({
      status: "DECIDED",
      decidedByName: s.manager.user.name,
      decidedAt: first.decidedAt,
      answers: [{ answer: "Faster, clearer answers." }, { answer: "Less time for docs." }],
    });
    await updateDecision(admin, edit(d.id, 2, [Q1, Q2], ["Faster, clearer answers.", ""]));
    expect(await getDecision(manager, d.id)).toMatchObject({ status: "DRAFT", decidedByName: null, decidedAt: null });
  });

  it("refuses a stale version, changing nothing", async () => {
    const { manager } = await scenario();
    const d = await createDecision(manager, decision([Q1, Q2], ["a", ""]));
    await updateDecision(manager, edit(d.id, 1, [Q1, Q2], ["a", "b"]));
    await expect(updateDecision(manager, edit(d.id, 1, [Q1, Q2], ["c", "d"]))).rejects.toBeInstanceOf(
      DecisionConflictError,
    );
    expect((await getDecision(manager, d.id)).answers.map((a) => a.answer)).toEqual(["a", "b"]);
  });

  it("adds a named behaviour's own questions, required like the organisation's", async () => {
    const { s, manager } = await scenario();
    const b = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Confirms the fix", anchors: ["Would the customer notice?", Q1] },
    );
    const offered = (await decisionFormOptions(manager)).behaviours.find((x) => x.id === b.id);
    // A question the organisation already asks is not asked twice.
    expect(offered?.anchors).toEqual(["Would the customer notice?"]);
    const questions = [Q1, Q2, "Would the customer notice?"];
    await expect(createDecision(manager, decision([Q1, Q2], ["a", "b"], { behaviourId: b.id }))).rejects.toBeInstanceOf(
      QuestionsChangedError,
    );
    const d = await createDecision(manager, decision(questions, ["a", "b", ""], { behaviourId: b.id }));
    expect(d).toMatchObject({ status: "DRAFT", unanswered: [2] });
    const done = await createDecision(manager, decision(questions, ["a", "b", "Yes"], { behaviourId: b.id }));
    expect(done.status).toBe("DECIDED");
    expect((await getDecision(manager, done.id)).behaviourTitle).toBe("Confirms the fix");
  });

  it("refuses questions the organisation does not ask (a form opened before an admin's change)", async () => {
    const { manager } = await scenario();
    await expect(createDecision(manager, decision([Q1], ["a"]))).rejects.toBeInstanceOf(QuestionsChangedError);
    await expect(createDecision(manager, decision([Q1, "Made up?"], ["a", "b"]))).rejects.toBeInstanceOf(
      QuestionsChangedError,
    );
  });

  it("lets only decision recorders record, and treats another organisation's ids as unknown", async () => {
    const { manager, member } = await scenario();
    const b = await buildOrgScenario(db());
    const occ = await buildOccurrence(b.org.id, { facilitatorId: b.manager.membership.id });
    const theirs = await createDecision(await contextFor(b.manager.user.id, b.org.id), decision([Q1, Q2], ["a", "b"]));
    const before = await dataCounts();
    await expect(createDecision(member, decision([Q1, Q2], ["a", "b"]))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decisionFormOptions(member)).rejects.toBeInstanceOf(ForbiddenError);
    for (const [over, field] of [
      [{ teamId: b.team.id }, "teamId"],
      [{ behaviourId: b.behaviour.id }, "behaviourId"],
    ] as const) {
      const err = await createDecision(manager, decision([Q1, Q2], ["a", "b"], over)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RuleError);
      expect((err as RuleError).field).toBe(field);
    }
    await expect(
      createDecision(manager, decision([Q1, Q2], ["a", "b"], { occurrenceId: occ.occurrenceId })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecision(manager, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateDecision(manager, edit(theirs.id, 1, [Q1, Q2], ["x", "y"]))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await listDecisionsFor(manager, { occurrenceIds: [occ.occurrenceId] })).toEqual([]);
    expect(await dataCounts()).toEqual(before);
    expect(
      (await getDecision(await contextFor(b.manager.user.id, b.org.id), theirs.id)).answers.map((a) => a.answer),
    ).toEqual(["a", "b"]);
  });
});

describe("the anchor question list", () => {
  const save = async (
    ctx: MemberContext,
    build: (qs: { id: string; text: string }[]) => { id: string; text: string }[],
  ) => {
    const list = await anchorQuestionList(ctx);
    const next = build(list.questions.map((q) => ({ id: q.id ?? "new", text: q.text })));
    return saveAnchorQuestions(
      ctx,
      AnchorQuestionsInput.parse({ stamp: list.stamp, ids: next.map((q) => q.id), texts: next.map((q) => q.text) }),
    );
  };

  it("lets an admin reword, reorder, add and archive; decisions keep the questions they answered", async () => {
    const { admin, manager } = await scenario();
    expect((await anchorQuestionList(admin)).isDefault).toBe(true);
    const old = await createDecision(manager, decision([Q1, Q2], ["Faster answers.", "Less time for docs."]));
    await save(admin, (qs) => [qs[1]!, { id: "new", text: "Which customers does it leave out?" }, qs[0]!]);
    let list = await anchorQuestionList(admin);
    expect(list.isDefault).toBe(false);
    expect(list.questions.map((q) => q.text)).toEqual([Q2, "Which customers does it leave out?", Q1]);
    await save(admin, (qs) => [{ ...qs[0]!, text: "What do we give up, and what does the customer feel?" }, qs[1]!]);
    list = await anchorQuestionList(admin);
    expect(list.questions.map((q) => q.text)).toEqual([
      "What do we give up, and what does the customer feel?",
      "Which customers does it leave out?",
    ]);
    expect((await decisionFormOptions(manager)).questions).toEqual(list.questions.map((q) => q.text));
    // The archived question keeps its row (named on the audit trail), and old answers are untouched.
    expect(await db().anchorQuestion.count({ where: { organizationId: admin.orgId, archivedAt: { not: null } } })).toBe(
      1,
    );
    expect((await getDecision(manager, old.id)).answers.map((a) => a.question)).toEqual([Q1, Q2]);
    expect(await db().auditEvent.count({ where: { action: "anchors.update", organizationId: admin.orgId } })).toBe(2);
  });

  it("keeps at least one question, refuses duplicates, and is for admins only", async () => {
    const { admin, manager } = await scenario();
    await expect(save(admin, () => [])).rejects.toMatchObject({ field: "texts" });
    await expect(save(admin, (qs) => [qs[0]!, { id: "new", text: ` ${Q1.toUpperCase()} ` }])).rejects.toThrow(/twice/);
    await expect(save(manager, (qs) => qs)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().anchorQuestion.count({ where: { organizationId: admin.orgId } })).toBe(0);
  });

  it("refuses a save on a list that changed since it was loaded, and ids of another organisation", async () => {
    const { admin } = await scenario();
    const stale = await anchorQuestionList(admin);
    await save(admin, (qs) => qs);
    const ids = (await anchorQuestionList(admin)).questions.map((q) => q.id!);
    await expect(
      saveAnchorQuestions(
        admin,
        AnchorQuestionsInput.parse({ stamp: stale.stamp, ids: ["new"], texts: ["Is it good?"] }),
      ),
    ).rejects.toBeInstanceOf(AnchorListConflictError);
    const other = await buildOrganization(db());
    const otherAdmin = await buildMember(db(), other.id, "ADMIN");
    const otherCtx = await contextFor(otherAdmin.user.id, other.id);
    await save(otherCtx, (qs) => qs);
    const foreign = (await anchorQuestionList(otherCtx)).questions[0]!.id!;
    const current = await anchorQuestionList(admin);
    await expect(
      saveAnchorQuestions(
        admin,
        AnchorQuestionsInput.parse({ stamp: current.stamp, ids: [ids[0]!, foreign], texts: [Q1, Q2] }),
      ),
    ).rejects.toBeInstanceOf(AnchorListConflictError);
    expect((await anchorQuestionList(otherCtx)).questions.map((q) => q.text)).toEqual([Q1, Q2]);
  });

  const ROUNDS = 50;
  it(`two admins saving the list at once: one wins, the other gets a conflict (${ROUNDS} rounds)`, async () => {
    const org = await buildOrganization(db());
    const [a, b] = await Promise.all([buildMember(db(), org.id, "ADMIN"), buildMember(db(), org.id, "ADMIN")]);
    const [ctxA, ctxB] = await Promise.all([contextFor(a.user.id, org.id), contextFor(b.user.id, org.id)]);
    for (let i = 0; i < ROUNDS; i++) {
      const list = await anchorQuestionList(ctxA);
      const ids = list.questions.map((q) => q.id ?? "new");
      const texts = list.questions.map((q) => q.text);
      const results = await Promise.allSettled([
        saveAnchorQuestions(
          ctxA,
          AnchorQuestionsInput.parse({
            stamp: list.stamp,
            ids: [...ids, "new"],
            texts: [...texts, `A's question ${i}?`],
          }),
        ),
        saveAnchorQuestions(
          ctxB,
          AnchorQuestionsInput.parse({
            stamp: list.stamp,
            ids,
            texts: texts.map((t, j) => (j === 0 ? `${Q1} (${i})` : t)),
          }),
        ),
      ]);
      const rejected = results.filter((r) => r.status === "rejected");
      expect(rejected, `round ${i}`).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(AnchorListConflictError);
      // The winner's list, whole: never a mix of the two edits.
      const now = (await anchorQuestionList(ctxA)).questions.map((q) => q.text);
      const aWon = results[0]!.status === "fulfilled";
      expect(now).toEqual(
        aWon ? [...texts, `A's question ${i}?`] : texts.map((t, j) => (j === 0 ? `${Q1} (${i})` : t)),
      );
      if (now.length > 6) {
        const trimmed = await anchorQuestionList(ctxA);
        await saveAnchorQuestions(
          ctxA,
          AnchorQuestionsInput.parse({
            stamp: trimmed.stamp,
            ids: trimmed.questions.slice(0, 2).map((q) => q.id!),
            texts: trimmed.questions.slice(0, 2).map((q) => q.text),
          }),
        );
      }
    }
  });
});

describe("the log", () => {
  it("filters by team, ritual and status, counts drafts apart, and pages by keyset", async () => {
    const { s, manager } = await scenario();
    const { ritual, occurrenceId } = await buildOccurrence(s.org.id, { facilitatorId: s.manager.membership.id });
    const inMeeting = await createDecision(
      manager,
      decision([Q1, Q2], ["a", "b"], { occurrenceId, teamId: s.team.id }),
    );
    const draft = await createDecision(manager, decision([Q1, Q2], ["a", ""], { teamId: s.team.id }));
    const decided = DecisionFilter.parse({});
    expect((await listDecisions(manager, decided)).rows.map((r) => r.id)).toEqual([inMeeting.id]);
    expect((await listDecisions(manager, decided)).drafts).toBe(1);
    expect((await listDecisions(manager, DecisionFilter.parse({ status: "DRAFT" }))).rows.map((r) => r.id)).toEqual([
      draft.id,
    ]);
    const byRitual = await listDecisions(manager, DecisionFilter.parse({ ritual: ritual.id }));
    expect(byRitual.rows.map((r) => [r.id, r.ritualTitle, r.occurrenceDate])).toEqual([
      [inMeeting.id, ritual.title, "2026-11-02"],
    ]);
    expect(byRitual.drafts).toBe(0);
    expect((await listDecisionsFor(manager, { occurrenceIds: [occurrenceId] })).map((r) => r.id)).toEqual([
      inMeeting.id,
    ]);

    const total = DECISION_PAGE_SIZE + 5;
    for (let i = 0; i < total; i++) await createDecision(manager, decision([Q1, Q2], [`a${i}`, `b${i}`]));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let p = 0; p < 5; p++) {
      const page = await listDecisions(manager, decided, cursor);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(total + 1);
    expect(new Set(seen).size).toBe(total + 1);
  });

  it("exports the log as CSV with each question beside its answer", async () => {
    const { manager } = await scenario();
    await createDecision(manager, decision([Q1, Q2], ["Faster answers.", "+Less time for docs."]));
    const rows = parseCsv(await readText(exportDecisionsCsv(manager, {})));
    expect(rows[0]).toEqual([
      "decision",
      "status",
      "decided_by",
      "decided_at",
      "team",
      "ritual",
      "meeting_date",
      "behaviour",
      "detail",
      "question_1",
      "answer_1",
      "question_2",
      "answer_2",
    ]);
    expect(rows[1]!.slice(9)).toEqual([Q1, "Faster answers.", Q2, "'+Less time for docs."]);
    expect(rows).toHaveLength(2);
  });
});

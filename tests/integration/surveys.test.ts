import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import {
  createSurvey,
  getSurvey,
  hasResponded,
  listSurveys,
  respondToSurvey,
  setSurveyStatus,
  surveyBehaviours,
  surveyTabulation,
} from "@/lib/server/data/surveys";
import {
  barrierFromResponse,
  commitSurveyImport,
  exportTabulationCsv,
  previewSurveyImport,
} from "@/lib/server/data/survey-transfer";
import { getBarrier, listBarriers } from "@/lib/server/data/barriers";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { SurveyInput } from "@/lib/schemas/surveys";
import { tabulateResponse } from "@/lib/domain/barrier-stats";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

const SCREENING = "Did you post the root cause on every ticket last week?";
const ACCESS = "Is it difficult to find the logs you need?";
const NORMS = "Do your colleagues approve of posting root causes?";

const QUESTIONS = [
  {
    text: SCREENING,
    kind: "SCREENING",
    options: [
      { label: "Yes", classifies: "DOER" },
      { label: "No", classifies: "NON_DOER" },
      { label: "No tickets", classifies: "EXCLUDED" },
    ],
  },
  { text: ACCESS, kind: "DETERMINANT", determinant: "ACCESS", options: [{ label: "Yes" }, { label: "No" }] },
  {
    text: NORMS,
    kind: "DETERMINANT",
    determinant: "SOCIAL_NORMS",
    options: [{ label: "Yes" }, { label: "Not sure" }, { label: "No" }],
  },
];

const surveyForm = (behaviourId: string, over: Record<string, unknown> = {}) => ({
  title: "Why root causes go unposted",
  behaviourId,
  prevalencePct: "",
  anonymous: "",
  questions: JSON.stringify(QUESTIONS),
  ...over,
});

async function scenario(over: Record<string, unknown> = {}) {
  const s = await buildOrgScenario(db());
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  const surveyId = await createSurvey(manager, SurveyInput.parse(surveyForm(s.behaviour.id, over)));
  const survey = await getSurvey(manager, surveyId);
  const q = (text: string) => survey.questions.find((x) => x.text === text)!;
  const opt = (text: string, label: string) => q(text).options.find((o) => o.label === label)!.id;
  return { s, manager, member, surveyId, survey, q, opt };
}

const choices = (entries: [string, string[]][]) => new Map(entries);

// ---------------------------------------------------------------- the imported file

type Row = [respondent: string, group: string, screening: string, access: string, norms: string];
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: Row[]) =>
  [["respondent", "group", SCREENING, ACCESS, NORMS], ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";

/** 45 doers, 45 non-doers and 6 excluded; "Yes" to the access question is far more common among non-doers. */
function respondents(): Row[] {
  const rows: Row[] = [];
  const norms = (i: number, yes: number, unsure: number) => (i < yes ? "Yes" : i < yes + unsure ? "Not sure" : "No");
  for (let i = 0; i < 45; i++)
    rows.push([
      `d${String(i + 1).padStart(3, "0")}`,
      i < 5 ? "doer" : "",
      "Yes",
      i < 8 ? "Yes" : "No",
      norms(i, 30, 10),
    ]);
  for (let i = 0; i < 45; i++)
    rows.push([
      `n${String(i + 1).padStart(3, "0")}`,
      i < 5 ? "Non-doer" : "",
      "No",
      i < 30 ? "Yes" : "No",
      norms(i, 28, 10),
    ]);
  for (let i = 0; i < 6; i++) rows.push([`x${i + 1}`, "", "No tickets", "Yes", "No"]);
  return rows;
}
// Doers: access Yes 8 / No 37; norms Yes 30 / Not sure 10 / No 5. Non-doers: access Yes 30 / No 15; norms Yes 28 / Not sure 10 / No 7.
const EXPECTED: [string, string, number, number][] = [
  [ACCESS, "Yes", 8, 30],
  [ACCESS, "No", 37, 15],
  [NORMS, "Yes", 30, 28],
  [NORMS, "Not sure", 10, 10],
  [NORMS, "No", 5, 7],
];

describe("building a survey", () => {
  it("creates a survey with its screening and determinant questions in order", async () => {
    const { s, manager, member, surveyId, survey } = await scenario({ prevalencePct: "25", anonymous: "on" });
    expect(survey).toMatchObject({
      id: surveyId,
      title: "Why root causes go unposted",
      prevalence: 0.25,
      anonymous: true,
      status: "OPEN",
      behaviour: { id: s.behaviour.id, title: s.behaviour.title },
    });
    expect(
      survey.questions.map((q) => [
        q.text,
        q.kind,
        q.determinant,
        q.multiple,
        q.options.map((o) => [o.label, o.classifies]),
      ]),
    ).toEqual([
      [
        SCREENING,
        "SCREENING",
        null,
        false,
        [
          ["Yes", "DOER"],
          ["No", "NON_DOER"],
          ["No tickets", "EXCLUDED"],
        ],
      ],
      [
        ACCESS,
        "DETERMINANT",
        "ACCESS",
        false,
        [
          ["Yes", null],
          ["No", null],
        ],
      ],
      [
        NORMS,
        "DETERMINANT",
        "SOCIAL_NORMS",
        false,
        [
          ["Yes", null],
          ["Not sure", null],
          ["No", null],
        ],
      ],
    ]);
    expect(survey.counts).toEqual({ doers: 0, nonDoers: 0, excluded: 0, fromApp: 0, imported: 0 });
    expect((await listSurveys(member)).map((r) => [r.id, r.title, r.behaviourTitle, r.status, r.respondents])).toEqual([
      [surveyId, "Why root causes go unposted", s.behaviour.title, "OPEN", 0],
    ]);
    expect((await surveyBehaviours(manager)).map((b) => b.id)).toEqual([s.behaviour.id]);
    // Unknown prevalence is taken as 10%.
    expect(SurveyInput.parse(surveyForm(s.behaviour.id)).prevalencePct).toBe(10);
  });

  it("rejects builder JSON without a screening question, with a repeated question or an unclassified screening response", async () => {
    const messages = (questions: unknown) => {
      const r = SurveyInput.safeParse(surveyForm("b1", { questions: JSON.stringify(questions) }));
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => i.message);
    };
    expect(messages(QUESTIONS.slice(1))).toContain("Add a screening question that tells doers from non-doers.");
    expect(messages([...QUESTIONS, { ...QUESTIONS[1]!, text: `  ${ACCESS.toUpperCase()} ` }])).toContain(
      `Two questions have the same text: “${ACCESS.toLowerCase()}”.`,
    );
    const unclassified = { ...QUESTIONS[0]!, options: [{ label: "Yes", classifies: "DOER" }, { label: "No" }] };
    expect(messages([unclassified, ...QUESTIONS.slice(1)])).toContain(
      `“${SCREENING}”: say which group each screening response stands for.`,
    );
    expect(messages([QUESTIONS[0]])).toContain("Add at least one question about a determinant.");
    expect(SurveyInput.safeParse(surveyForm("b1", { questions: "[{" })).error?.issues.map((i) => i.message)).toEqual([
      "The questions could not be read. Reload the page and try again.",
    ]);
  });

  it("refuses a behaviour of another organisation, and members", async () => {
    const { s, manager, member } = await scenario();
    const other = await buildOrgScenario(db());
    const before = await dataCounts();
    await expect(createSurvey(manager, SurveyInput.parse(surveyForm(other.behaviour.id)))).rejects.toMatchObject({
      field: "behaviourId",
    });
    await expect(createSurvey(manager, SurveyInput.parse(surveyForm(other.behaviour.id)))).rejects.toBeInstanceOf(
      RuleError,
    );
    await expect(createSurvey(member, SurveyInput.parse(surveyForm(s.behaviour.id)))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(surveyBehaviours(member)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await dataCounts()).toEqual(before);
  });
});

describe("answering a survey in the app", () => {
  it("classifies each member from the screening answer, once per member", async () => {
    const { s, manager, member, surveyId, q, opt } = await scenario();
    const leader = await contextFor(s.leader.user.id, s.org.id);
    const answer = (screening: string, access = "Yes", norms = "No") =>
      choices([
        [q(SCREENING).id, [opt(SCREENING, screening)]],
        [q(ACCESS).id, [opt(ACCESS, access)]],
        [q(NORMS).id, [opt(NORMS, norms)]],
      ]);

    expect(await hasResponded(member, surveyId)).toBe(false);
    await respondToSurvey(member, surveyId, answer("No"));
    await respondToSurvey(manager, surveyId, answer("Yes", "No", "Yes"));
    await respondToSurvey(leader, surveyId, answer("No tickets"));
    expect(await hasResponded(member, surveyId)).toBe(true);

    const before = await dataCounts();
    await expect(respondToSurvey(member, surveyId, answer("Yes"))).rejects.toThrow(
      "You have already answered this survey. Thank you!",
    );
    expect(await dataCounts()).toEqual(before);

    const stored = await db().surveyRespondent.findMany({
      where: { surveyId },
      select: { group: true, source: true, membershipId: true, responderKey: true },
    });
    expect(stored.map((r) => [r.membershipId, r.group, r.source]).sort()).toEqual(
      [
        [s.member.membership.id, "NON_DOER", "APP"],
        [s.manager.membership.id, "DOER", "APP"],
        [s.leader.membership.id, "EXCLUDED", "APP"],
      ].sort(),
    );
    expect(stored.every((r) => r.responderKey && r.responderKey.length === 64)).toBe(true);
    expect((await getSurvey(member, surveyId)).counts).toEqual({
      doers: 1,
      nonDoers: 1,
      excluded: 1,
      fromApp: 3,
      imported: 0,
    });
    const t = await surveyTabulation(manager, surveyId);
    expect(t.rows.map((r) => [r.question, r.response, r.stats.doersWith, r.stats.nonDoersWith])).toEqual([
      [ACCESS, "Yes", 0, 1],
      [ACCESS, "No", 1, 0],
      [NORMS, "Yes", 1, 0],
      [NORMS, "Not sure", 0, 0],
      [NORMS, "No", 0, 1],
    ]);
    expect(t.warning).toBe(
      "Only 1 doers and 1 non-doers were interviewed; Barrier Analysis recommends at least 45 of each, so treat these results with caution.",
    );
  });

  it("names the question left unanswered or answered wrongly, and takes nothing", async () => {
    const { member, surveyId, q, opt } = await scenario();
    const before = await dataCounts();
    const screening: [string, string[]] = [q(SCREENING).id, [opt(SCREENING, "Yes")]];
    const access: [string, string[]] = [q(ACCESS).id, [opt(ACCESS, "No")]];

    await expect(respondToSurvey(member, surveyId, choices([screening, access]))).rejects.toMatchObject({
      field: `q_${q(NORMS).id}`,
      message: "Choose a response.",
    });
    await expect(
      respondToSurvey(member, surveyId, choices([screening, access, [q(NORMS).id, []]])),
    ).rejects.toMatchObject({ field: `q_${q(NORMS).id}` });
    await expect(
      respondToSurvey(
        member,
        surveyId,
        choices([
          screening,
          [q(ACCESS).id, [opt(ACCESS, "Yes"), opt(ACCESS, "No")]],
          [q(NORMS).id, [opt(NORMS, "No")]],
        ]),
      ),
    ).rejects.toMatchObject({ field: `q_${q(ACCESS).id}`, message: "Choose one response." });
    await expect(
      respondToSurvey(member, surveyId, choices([screening, access, [q(NORMS).id, [opt(ACCESS, "Yes")]]])),
    ).rejects.toMatchObject({ field: `q_${q(NORMS).id}`, message: "Choose one of the responses shown." });
    await expect(
      respondToSurvey(member, surveyId, choices([access, [q(NORMS).id, [opt(NORMS, "No")]]])),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await dataCounts()).toEqual(before);
    expect(await hasResponded(member, surveyId)).toBe(false);
  });

  it("takes no responses once closed, and stores no member for an anonymous survey", async () => {
    const { s, manager, member, surveyId, q, opt } = await scenario({ anonymous: "on" });
    const full = choices([
      [q(SCREENING).id, [opt(SCREENING, "No")]],
      [q(ACCESS).id, [opt(ACCESS, "Yes")]],
      [q(NORMS).id, [opt(NORMS, "No")]],
    ]);
    await setSurveyStatus(manager, surveyId, "CLOSED");
    const before = await dataCounts();
    await expect(respondToSurvey(member, surveyId, full)).rejects.toThrow(
      "This survey is closed: it takes no more responses.",
    );
    await expect(respondToSurvey(member, surveyId, full)).rejects.toBeInstanceOf(RuleError);
    expect(await dataCounts()).toEqual(before);
    await expect(setSurveyStatus(member, surveyId, "OPEN")).rejects.toBeInstanceOf(ForbiddenError);

    await setSurveyStatus(manager, surveyId, "OPEN");
    await respondToSurvey(member, surveyId, full);
    const [stored] = await db().surveyRespondent.findMany({ where: { surveyId } });
    expect(stored).toMatchObject({ membershipId: null, group: "NON_DOER", source: "APP" });
    expect(stored!.responderKey).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.label).not.toContain(s.member.membership.id);
    expect(await hasResponded(member, surveyId)).toBe(true);
    await expect(respondToSurvey(member, surveyId, full)).rejects.toBeInstanceOf(RuleError);
  });
});

describe("importing responses and tabulating them", () => {
  it("imports all rows or none, tabulates doers against non-doers and turns a significant barrier into a barrier once", async () => {
    const { s, manager, surveyId, opt } = await scenario();
    const rows = respondents();
    expect(rows.length).toBeGreaterThanOrEqual(90);

    // One unknown response: the preview names it, the commit writes nothing.
    const broken = rows.map((r): Row => (r[0] === "n007" ? [r[0], r[1], r[2], "Maybe", r[4]] : r));
    const preview = await previewSurveyImport(manager, surveyId, toCsv(broken));
    expect(preview.fileError).toBeNull();
    expect(preview.importable).toBe(rows.length - 1);
    expect(preview.rows.filter((r) => r.errors.length > 0)).toEqual([
      {
        line: 53,
        respondent: "n007",
        group: "NON_DOER",
        answers: 2,
        errors: [`Unknown response "Maybe" to "${ACCESS}".`],
      },
    ]);
    let before = await dataCounts();
    await expect(commitSurveyImport(manager, surveyId, toCsv(broken))).rejects.toThrow(
      "1 row(s) have errors; nothing was imported. Fix them and preview again.",
    );
    expect(await dataCounts()).toEqual(before);

    const good = await previewSurveyImport(manager, surveyId, toCsv(rows));
    expect([good.importable, good.rows.every((r) => r.errors.length === 0)]).toEqual([96, true]);
    expect(good.rows.slice(0, 1)).toEqual([{ line: 2, respondent: "d001", group: "DOER", answers: 3, errors: [] }]);
    expect(await commitSurveyImport(manager, surveyId, toCsv(rows))).toBe(96);
    expect((await getSurvey(manager, surveyId)).counts).toEqual({
      doers: 45,
      nonDoers: 45,
      excluded: 6,
      fromApp: 0,
      imported: 96,
    });
    expect(await db().surveyAnswer.count({ where: { surveyId } })).toBe(96 * 3);

    // A respondent already in the survey is an error; nothing is written.
    const again = toCsv([
      ["d001", "", "Yes", "No", "Yes"],
      ["new-1", "", "No", "Yes", "No"],
    ]);
    const repeat = await previewSurveyImport(manager, surveyId, again);
    expect(repeat.rows.map((r) => r.errors)).toEqual([[`Respondent "d001" is already in this survey.`], []]);
    expect(repeat.importable).toBe(1);
    before = await dataCounts();
    await expect(commitSurveyImport(manager, surveyId, again)).rejects.toBeInstanceOf(RuleError);
    expect(await dataCounts()).toEqual(before);

    // The tabulation: excluded respondents are left out, every count matches the file.
    const t = await surveyTabulation(manager, surveyId);
    expect([t.doers, t.nonDoers, t.warning, t.prevalence]).toEqual([45, 45, null, 0.1]);
    expect(t.rows.map((r) => [r.question, r.response, r.stats.doersWith, r.stats.nonDoersWith])).toEqual(EXPECTED);
    expect(t.rows.every((r) => r.stats.doersTotal === 45 && r.stats.nonDoersTotal === 45 && r.barrierId === null)).toBe(
      true,
    );
    for (const [i, [, , a, b]] of EXPECTED.entries())
      expect(t.rows[i]!.stats).toEqual(tabulateResponse({ a, doers: 45, b, nonDoers: 45 }, 0.1));
    const strong = t.rows[0]!;
    expect(strong.stats).toMatchObject({
      significant: true,
      direction: "barrier",
      test: "chi-square (N-1)",
      corrected: false,
    });
    expect(strong.stats.pValue!).toBeLessThan(0.001);
    expect(strong.stats.oddsRatio!).toBeCloseTo((8 * 15) / (37 * 30), 10);
    expect(t.rows[1]!.stats).toMatchObject({ significant: true, direction: "enabler" });
    expect(t.rows.slice(2).every((r) => !r.stats.significant)).toBe(true);

    // The CSV export.
    const { csv, title } = await exportTabulationCsv(manager, surveyId);
    expect(title).toBe("Why root causes go unposted");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "determinant,question,response,doers_with,doers_total,nondoers_with,nondoers_total,pct_doers,pct_nondoers,odds_ratio,or_ci_low,or_ci_high,err,p_value,test,significant",
    );
    expect(lines.length).toBe(1 + EXPECTED.length + 1); // header, rows, trailing line break
    expect(lines[1]!.split(",").slice(0, 9)).toEqual(["Access", ACCESS, "Yes", "8", "45", "30", "45", "17.8", "66.7"]);
    expect(lines[1]!.split(",").slice(-2)).toEqual(["chi-square (N-1)", "yes"]);
    expect(lines[3]!.split(",").slice(0, 7)).toEqual(["Perceived social norms", NORMS, "Yes", "30", "45", "28", "45"]);
    expect(lines[3]!.endsWith(",no")).toBe(true);

    // One click makes the significant barrier response a barrier, unscored and with its statistics.
    const barrierId = await barrierFromResponse(manager, surveyId, strong.optionId);
    const barrier = await getBarrier(manager, barrierId);
    expect(barrier).toMatchObject({
      status: "IDENTIFIED",
      impact: null,
      reach: null,
      ease: null,
      priority: null,
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      feasibility: "DIFFICULT",
      fromSurvey: true,
      title: `Yes: ${ACCESS}`,
      behaviours: [{ id: s.behaviour.id, title: s.behaviour.title }],
      teams: [],
      survey: { id: surveyId, title: "Why root causes go unposted" },
      createdByName: s.manager.user.name,
    });
    expect(barrier.description).toBe(
      `Non-doers answered “Yes” to “${ACCESS}” more often than doers (67% of non-doers, 18% of doers).`,
    );
    // The snapshot's floats come back through the JSON column (the last binary digit may differ).
    const close = (v: number | null) => expect.closeTo(v!, 12);
    expect(barrier.statistics).toEqual({
      optionId: strong.optionId,
      question: ACCESS,
      response: "Yes",
      doersWith: 8,
      doersTotal: 45,
      nonDoersWith: 30,
      nonDoersTotal: 45,
      oddsRatio: close(strong.stats.oddsRatio),
      orCiLow: close(strong.stats.orCiLow),
      orCiHigh: close(strong.stats.orCiHigh),
      err: close(strong.stats.err),
      pValue: expect.closeTo(strong.stats.pValue!, 15),
      test: "chi-square (N-1)",
      corrected: false,
      prevalence: 0.1,
    });
    expect((await listBarriers(manager)).map((r) => [r.title, r.priority, r.fromSurvey])).toEqual([
      [`Yes: ${ACCESS}`, null, true],
    ]);

    before = await dataCounts();
    await expect(barrierFromResponse(manager, surveyId, strong.optionId)).rejects.toThrow(
      "This response is already a barrier in the register.",
    );
    const refusal = /Only a significant response that non-doers give more often than doers/;
    await expect(barrierFromResponse(manager, surveyId, opt(ACCESS, "No"))).rejects.toThrow(refusal); // a significant enabler
    await expect(barrierFromResponse(manager, surveyId, opt(NORMS, "No"))).rejects.toThrow(refusal); // not significant
    await expect(barrierFromResponse(manager, surveyId, opt(NORMS, "Yes"))).rejects.toBeInstanceOf(RuleError);
    await expect(barrierFromResponse(manager, surveyId, opt(SCREENING, "No"))).rejects.toBeInstanceOf(NotFoundError); // not a determinant response
    expect(await dataCounts()).toEqual(before);

    const after = await surveyTabulation(manager, surveyId);
    expect(after.rows.map((r) => r.barrierId)).toEqual([barrierId, null, null, null, null]);
  });

  it("treats a respondent already in the survey as a repeat whatever its case, as it does within one file", async () => {
    const { manager, surveyId } = await scenario();
    // Within one file, "R1" and "r1" are the same respondent.
    const inFile = await previewSurveyImport(
      manager,
      surveyId,
      toCsv([
        ["r1", "", "Yes", "No", "Yes"],
        ["R1", "", "No", "Yes", "No"],
      ]),
    );
    expect(inFile.rows.map((r) => r.errors)).toEqual([[], [`Respondent "R1" appears more than once.`]]);
    expect(await commitSurveyImport(manager, surveyId, toCsv([["r1", "", "Yes", "No", "Yes"]]))).toBe(1);
    // Across imports the same rule must hold.
    const again = toCsv([["R1", "", "No", "Yes", "No"]]);
    const preview = await previewSurveyImport(manager, surveyId, again);
    expect(preview.rows.map((r) => r.errors)).toEqual([[`Respondent "R1" is already in this survey.`]]);
    const before = await dataCounts();
    await expect(commitSurveyImport(manager, surveyId, again)).rejects.toBeInstanceOf(RuleError);
    expect(await dataCounts()).toEqual(before);
  });

  it("keeps members out of tabulation, import, export and barrier creation", async () => {
    const { member, surveyId, opt } = await scenario();
    const file = toCsv(respondents());
    const before = await dataCounts();
    await expect(surveyTabulation(member, surveyId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewSurveyImport(member, surveyId, file)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(commitSurveyImport(member, surveyId, file)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportTabulationCsv(member, surveyId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(barrierFromResponse(member, surveyId, opt(ACCESS, "Yes"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await dataCounts()).toEqual(before);
    expect((await getSurvey(member, surveyId)).id).toBe(surveyId); // but they can read it
  });
});

describe("another organisation's survey", () => {
  it("is not found by any function, and nothing is written to it", async () => {
    const a = await scenario();
    const b = await scenario();
    const file = toCsv(respondents());
    const answer = choices([
      [b.q(SCREENING).id, [b.opt(SCREENING, "Yes")]],
      [b.q(ACCESS).id, [b.opt(ACCESS, "No")]],
      [b.q(NORMS).id, [b.opt(NORMS, "Yes")]],
    ]);
    await commitSurveyImport(b.manager, b.surveyId, file);
    const before = await dataCounts();

    for (const ctx of [a.manager, a.member]) {
      await expect(getSurvey(ctx, b.surveyId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(respondToSurvey(ctx, b.surveyId, answer)).rejects.toBeInstanceOf(NotFoundError);
      expect(await hasResponded(ctx, b.surveyId)).toBe(false);
    }
    await expect(surveyTabulation(a.manager, b.surveyId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewSurveyImport(a.manager, b.surveyId, file)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      commitSurveyImport(a.manager, b.surveyId, toCsv([["zz-1", "", "Yes", "Yes", "Yes"]])),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportTabulationCsv(a.manager, b.surveyId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(barrierFromResponse(a.manager, b.surveyId, b.opt(ACCESS, "Yes"))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(setSurveyStatus(a.manager, b.surveyId, "CLOSED")).rejects.toBeInstanceOf(NotFoundError);
    // A's own survey id with B's option is not a row of A's tabulation either.
    await expect(barrierFromResponse(a.manager, a.surveyId, b.opt(ACCESS, "Yes"))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A survey about B's behaviour cannot be made from A.
    await expect(createSurvey(a.manager, SurveyInput.parse(surveyForm(b.s.behaviour.id)))).rejects.toMatchObject({
      field: "behaviourId",
    });

    expect(await dataCounts()).toEqual(before);
    expect((await getSurvey(b.manager, b.surveyId)).status).toBe("OPEN");
    expect((await listSurveys(a.manager)).map((s) => s.id)).toEqual([a.surveyId]);
    expect((await surveyTabulation(b.manager, b.surveyId)).doers).toBe(45);
  });
});

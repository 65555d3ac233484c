// Issue 21: survey answers keep no identity once the survey has closed (docs/decisions/035). A week after a
// survey closes, by hand or by its closing day, the nightly retention job removes the keyed fingerprint that
// stopped a second answer and the member of a named survey; the tabulation is unchanged, and the survey can no
// longer reopen (nothing could tell a second answer from a first). Within the week it reopens as before.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  createSurvey,
  getSurvey,
  respondToSurvey,
  setSurveyClosesOn,
  setSurveyStatus,
  surveyTabulation,
} from "@/lib/server/data/surveys";
import { applyRetention, deidentifySurveys } from "@/lib/server/data/retention";
import { RuleError } from "@/lib/server/errors";
import { SurveyInput } from "@/lib/schemas/surveys";
import { SURVEY_DEIDENTIFY_DAYS } from "@/lib/domain/retention";
import { addDays, currentDay } from "@/lib/domain/dates";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

const QUESTIONS = [
  {
    text: "Did you confirm the fix with the customer last week?",
    kind: "SCREENING",
    options: [
      { label: "Yes", classifies: "DOER" },
      { label: "No", classifies: "NON_DOER" },
    ],
  },
  {
    text: "Is it hard to reach the customer?",
    kind: "DETERMINANT",
    determinant: "ACCESS",
    options: [{ label: "Yes" }, { label: "No" }],
  },
];

const DAY = 86_400_000;

async function answeredSurvey(anonymous: boolean) {
  const s = await buildOrgScenario(db());
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  const surveyId = await createSurvey(
    manager,
    SurveyInput.parse({
      title: "Why fixes go unconfirmed",
      behaviourId: s.behaviour.id,
      prevalencePct: "",
      anonymous: anonymous ? "on" : "",
      questions: JSON.stringify(QUESTIONS),
    }),
  );
  const survey = await getSurvey(manager, surveyId);
  const answer = (screening: "Yes" | "No") =>
    new Map(
      survey.questions.map((q, i) => [q.id, [q.options.find((o) => o.label === (i === 0 ? screening : "Yes"))!.id]]),
    );
  await respondToSurvey(member, surveyId, answer("No"));
  await respondToSurvey(manager, surveyId, answer("Yes"));
  return { s, manager, member, surveyId, answer };
}

const links = (surveyId: string) =>
  db().surveyRespondent.findMany({ where: { surveyId }, select: { responderKey: true, membershipId: true } });

describe("survey answers after closing", () => {
  it(`keep their link for ${SURVEY_DEIDENTIFY_DAYS} days, so a reopened survey still takes one answer per person`, async () => {
    const { s, manager, member, surveyId, answer } = await answeredSurvey(true);
    await setSurveyStatus(manager, surveyId, "CLOSED");
    expect((await applyRetention(s.org.id, new Date(Date.now() + 3 * DAY))).surveys).toBe(0);
    expect((await links(surveyId)).every((r) => r.responderKey !== null)).toBe(true);
    await setSurveyStatus(manager, surveyId, "OPEN");
    await expect(respondToSurvey(member, surveyId, answer("Yes"))).rejects.toThrow(/already answered/);
  });

  it("lose every link to a person a week after a named survey closes; the tabulation stays and it cannot reopen", async () => {
    const { s, manager, surveyId } = await answeredSurvey(false);
    expect((await links(surveyId)).every((r) => r.membershipId !== null && r.responderKey !== null)).toBe(true);
    await setSurveyStatus(manager, surveyId, "CLOSED");
    const before = await surveyTabulation(manager, surveyId);
    const later = new Date(Date.now() + (SURVEY_DEIDENTIFY_DAYS + 1) * DAY);
    expect((await applyRetention(s.org.id, later)).surveys).toBe(1);
    expect(await links(surveyId)).toEqual([
      { responderKey: null, membershipId: null },
      { responderKey: null, membershipId: null },
    ]);
    // Every figure stays; the survey now says when its answers lost their link.
    const after = await surveyTabulation(manager, surveyId);
    expect(after.survey.deidentifiedAt).toBe(later.toISOString());
    expect({ ...after, survey: { ...after.survey, deidentifiedAt: null } }).toEqual(before);
    // A second run finds nothing to do.
    expect((await applyRetention(s.org.id, later)).surveys).toBe(0);
    await expect(setSurveyStatus(manager, surveyId, "OPEN")).rejects.toThrow(/cannot reopen/);
    await expect(setSurveyClosesOn(manager, surveyId, addDays(currentDay(), 5))).rejects.toBeInstanceOf(RuleError);
    expect((await db().survey.findUniqueOrThrow({ where: { id: surveyId } })).status).toBe("CLOSED");
  });

  it("lose it too a week after their closing day passes, in the organisation's zone", async () => {
    const { s, surveyId } = await answeredSurvey(true);
    await db().survey.update({
      where: { id: surveyId },
      data: { closesOn: new Date(`${addDays(currentDay(), -(SURVEY_DEIDENTIFY_DAYS + 2))}T00:00:00Z`) },
    });
    expect((await applyRetention(s.org.id)).surveys).toBe(1);
    expect((await links(surveyId)).every((r) => r.responderKey === null)).toBe(true);
  });

  it("a reopening and the job at the same moment: one of them wins whole (eight rounds)", async () => {
    for (let round = 1; round <= 8; round++) {
      const { s, manager, surveyId } = await answeredSurvey(true);
      await setSurveyStatus(manager, surveyId, "CLOSED");
      await db().survey.update({ where: { id: surveyId }, data: { closedAt: new Date(Date.now() - 8 * DAY) } });
      await Promise.allSettled([
        deidentifySurveys(s.org.id, "UTC", new Date()),
        setSurveyStatus(manager, surveyId, "OPEN"),
      ]);
      const after = await db().survey.findUniqueOrThrow({ where: { id: surveyId } });
      const keys = (await links(surveyId)).map((r) => r.responderKey !== null);
      if (after.deidentifiedAt) {
        expect(after.status, `round ${round}`).toBe("CLOSED");
        expect(keys, `round ${round}`).toEqual([false, false]);
      } else {
        expect(after.status, `round ${round}`).toBe("OPEN");
        expect(keys, `round ${round}`).toEqual([true, true]);
      }
    }
  });
});

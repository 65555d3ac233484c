// A demo doer / non-doer survey for Northwind, so the tabulation has something to show: answers
// drawn per group from fixed response probabilities (deterministic for a given random source).
import type { PrismaClient } from "@/generated/prisma/client";
import {
  DETERMINANT_TEMPLATES,
  screeningTemplate,
  TEMPLATE_RESPONSES,
  type Determinant,
  type Group,
} from "@/lib/domain/surveys";

// Per determinant, the chance of each template response for doers and for non-doers.
const ASKED: { determinant: Determinant; doer: number[]; nonDoer: number[] }[] = [
  { determinant: "ACCESS", doer: [0.2, 0.8], nonDoer: [0.6, 0.4] },
  { determinant: "SELF_EFFICACY", doer: [0.8, 0.15, 0.05], nonDoer: [0.45, 0.3, 0.25] },
  { determinant: "SOCIAL_NORMS", doer: [0.7, 0.2, 0.1], nonDoer: [0.62, 0.24, 0.14] },
  { determinant: "CUES_FOR_ACTION", doer: [0.3, 0.7], nonDoer: [0.55, 0.45] },
];
const GROUPS: { group: Group; count: number }[] = [
  { group: "DOER", count: 52 },
  { group: "NON_DOER", count: 48 },
  { group: "EXCLUDED", count: 6 },
];

export async function seedDemoSurvey(
  prisma: PrismaClient,
  ids: { organizationId: string; behaviourId: string; createdById: string; action: string },
  rand: () => number,
): Promise<void> {
  const { organizationId } = ids;
  const survey = await prisma.survey.create({
    data: {
      organizationId,
      behaviourId: ids.behaviourId,
      title: "What stops the root cause reaching the ticket? (autumn)",
      createdById: ids.createdById,
      status: "CLOSED",
    },
  });
  const screening = screeningTemplate(ids.action);
  const questions = [
    { text: screening.text, kind: "SCREENING" as const, determinant: null, options: screening.options },
    ...ASKED.map((a) => ({
      text: DETERMINANT_TEMPLATES[a.determinant],
      kind: "DETERMINANT" as const,
      determinant: a.determinant,
      options: TEMPLATE_RESPONSES[a.determinant].map((label) => ({ label, classifies: null })),
    })),
  ];
  const optionIds: string[][] = [];
  for (const [position, q] of questions.entries()) {
    const created = await prisma.surveyQuestion.create({
      data: {
        organizationId,
        surveyId: survey.id,
        position,
        text: q.text,
        kind: q.kind,
        determinant: q.determinant,
        options: {
          create: q.options.map((o, i) => ({ organizationId, position: i, label: o.label, classifies: o.classifies })),
        },
      },
      select: { id: true, options: { orderBy: { position: "asc" }, select: { id: true } } },
    });
    optionIds.push(created.options.map((o) => o.id));
  }
  const questionIds = await prisma.surveyQuestion.findMany({
    where: { surveyId: survey.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const pick = (weights: number[]) => {
    let r = rand();
    for (const [i, w] of weights.entries()) if ((r -= w) < 0) return i;
    return weights.length - 1;
  };
  let n = 0;
  for (const { group, count } of GROUPS) {
    for (let k = 0; k < count; k++) {
      const screeningOption = optionIds[0]![group === "DOER" ? 0 : group === "NON_DOER" ? 1 : 2]!;
      const chosen = [
        screeningOption,
        ...ASKED.map((a, q) => optionIds[q + 1]![pick(group === "DOER" ? a.doer : a.nonDoer)]!),
      ];
      const respondent = await prisma.surveyRespondent.create({
        data: {
          organizationId,
          surveyId: survey.id,
          label: `R${String(++n).padStart(3, "0")}`,
          group,
          source: "IMPORT",
        },
      });
      await prisma.surveyAnswer.createMany({
        data: chosen.map((optionId, q) => ({
          organizationId,
          surveyId: survey.id,
          respondentId: respondent.id,
          questionId: questionIds[q]!.id,
          optionId,
          group,
        })),
      });
    }
  }
}

import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { readSurveyCsv } from "@/lib/domain/survey-csv";
import { COMB_FOR_DETERMINANT, formatP, tabulationCsv, type SurveyShape } from "@/lib/domain/surveys";
import { DETERMINANT_LABELS } from "@/lib/domain/labels";
import type { SurveyImportPreviewDto } from "@/lib/schemas/surveys";
import type { BarrierInput, SurveyStatisticsSnapshot } from "@/lib/schemas/barriers";
import { getSurvey, surveyTabulation } from "./surveys";
import { createBarrier } from "./barriers";
import type { MemberContext } from "./accounts";

async function check(ctx: MemberContext, surveyId: string, text: string) {
  await authorize(ctx, "barriers.manage");
  const survey = await getSurvey(ctx, surveyId);
  const file = readSurveyCsv(text, survey as SurveyShape);
  const labels = file.rows.map((r) => r.respondent).filter(Boolean);
  const existing = new Set(
    (
      await db().surveyRespondent.findMany({
        where: { surveyId, organizationId: ctx.orgId, label: { in: labels, mode: "insensitive" } },
        select: { label: true },
      })
    ).map((r) => r.label.toLowerCase()),
  );
  const rows = file.rows.map((r) =>
    existing.has(r.respondent.toLowerCase())
      ? { ...r, errors: [...r.errors, `Respondent "${r.respondent}" is already in this survey.`] }
      : r,
  );
  return { survey, fileError: file.fileError, rows };
}

export async function previewSurveyImport(
  ctx: MemberContext,
  surveyId: string,
  text: string,
): Promise<SurveyImportPreviewDto> {
  const { fileError, rows } = await check(ctx, surveyId, text);
  return {
    fileError: fileError ?? null,
    rows: rows.map((r) => ({
      line: r.line,
      respondent: r.respondent,
      group: r.group,
      answers: r.optionIds.length,
      errors: r.errors,
    })),
    importable: fileError ? 0 : rows.filter((r) => r.errors.length === 0).length,
  };
}

/** All respondents or none: a file with one bad row writes nothing. */
export async function commitSurveyImport(ctx: MemberContext, surveyId: string, text: string): Promise<number> {
  const { survey, fileError, rows } = await check(ctx, surveyId, text);
  if (fileError) throw new RuleError(fileError);
  const bad = rows.filter((r) => r.errors.length > 0).length;
  if (bad) throw new RuleError(`${bad} row(s) have errors; nothing was imported. Fix them and preview again.`);
  if (rows.length === 0) throw new RuleError("There is nothing to import.");
  const questionOf = new Map(survey.questions.flatMap((q) => q.options.map((o) => [o.id, q.id] as const)));
  await db().$transaction(async (tx) => {
    const created = await tx.surveyRespondent.createManyAndReturn({
      data: rows.map((r) => ({
        organizationId: ctx.orgId,
        surveyId,
        label: r.respondent,
        group: r.group!,
        source: "IMPORT" as const,
      })),
      select: { id: true, label: true },
    });
    const idOf = new Map(created.map((c) => [c.label, c.id]));
    await tx.surveyAnswer.createMany({
      data: rows.flatMap((r) =>
        r.optionIds.map((optionId) => ({
          organizationId: ctx.orgId,
          surveyId,
          respondentId: idOf.get(r.respondent)!,
          optionId,
          questionId: questionOf.get(optionId)!,
          group: r.group!,
        })),
      ),
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "survey.import",
        targetType: "Survey",
        targetId: surveyId,
        outcome: "ok",
        details: { rows: rows.length },
      },
      tx,
    );
  });
  return rows.length;
}

export async function exportTabulationCsv(
  ctx: MemberContext,
  surveyId: string,
): Promise<{ csv: string; title: string }> {
  const t = await surveyTabulation(ctx, surveyId);
  return { csv: tabulationCsv(t.rows, (d) => DETERMINANT_LABELS[d] ?? d), title: t.survey.title };
}

/**
 * One click from a significant barrier-side response to a barrier in the register, with the
 * statistics attached as evidence. It starts unscored, classified from the determinant; the
 * person who made it then checks the classification and scores it.
 */
export async function barrierFromResponse(ctx: MemberContext, surveyId: string, optionId: string): Promise<string> {
  await authorize(ctx, "barriers.manage");
  const t = await surveyTabulation(ctx, surveyId);
  const row = t.rows.find((r) => r.optionId === optionId);
  if (!row) throw new NotFoundError();
  if (row.barrierId) throw new RuleError("This response is already a barrier in the register.");
  if (!row.stats.significant || row.stats.direction !== "barrier") {
    throw new RuleError(
      "Only a significant response that non-doers give more often than doers (estimated relative risk below 1) is a barrier.",
    );
  }
  const s = row.stats;
  const statistics: SurveyStatisticsSnapshot & { optionId: string } = {
    optionId,
    question: row.question,
    response: row.response,
    doersWith: s.doersWith,
    doersTotal: s.doersTotal,
    nonDoersWith: s.nonDoersWith,
    nonDoersTotal: s.nonDoersTotal,
    oddsRatio: s.oddsRatio,
    orCiLow: s.orCiLow,
    orCiHigh: s.orCiHigh,
    err: s.err,
    pValue: s.pValue,
    test: s.test,
    corrected: s.corrected,
    prevalence: t.prevalence,
  };
  const pct = (n: number, d: number) => `${Math.round((n / d) * 100)}%`;
  const input: BarrierInput = {
    title: `${row.response}: ${row.question}`.slice(0, 120),
    description:
      `Non-doers answered “${row.response}” to “${row.question}” more often than doers (${pct(s.nonDoersWith, s.nonDoersTotal)} of non-doers, ${pct(s.doersWith, s.doersTotal)} of doers).`.slice(
        0,
        1000,
      ),
    evidence: `Survey “${t.survey.title}”: doers ${s.doersWith}/${s.doersTotal}, non-doers ${s.nonDoersWith}/${s.nonDoersTotal}; OR ${s.oddsRatio?.toFixed(2)} (95% CI ${s.orCiLow?.toFixed(2)}–${s.orCiHigh?.toFixed(2)}), ERR ${s.err?.toFixed(2)}, p ${formatP(s.pValue)} (${s.test}).`,
    comB: COMB_FOR_DETERMINANT[row.determinant] as BarrierInput["comB"],
    determinant: row.determinant,
    feasibility: "DIFFICULT",
    impact: null,
    reach: null,
    ease: null,
    behaviourIds: [t.survey.behaviour.id],
    teamIds: [],
  };
  return createBarrier(ctx, input, { surveyId, statistics });
}

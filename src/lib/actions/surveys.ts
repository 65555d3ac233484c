"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportInput } from "@/lib/schemas/transfer";
import {
  BarrierFromResponseInput,
  responseChoices,
  SurveyClosesOnInput,
  SurveyIdInput,
  SurveyInput,
  SurveyResponseInput,
  SurveyStatusInput,
} from "@/lib/schemas/surveys";
import { formObject } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import { createSurvey, respondToSurvey, setSurveyClosesOn, setSurveyStatus } from "@/lib/server/data/surveys";
import { barrierFromResponse, commitSurveyImport, previewSurveyImport } from "@/lib/server/data/survey-transfer";

const revalidateSurvey = (surveyId: string) => revalidatePath(`/surveys/${surveyId}`, "layout");

export const createSurveyAction = formAction({
  schema: SurveyInput,
  permission: "barriers.manage",
  run: (ctx, input) => createSurvey(ctx, input),
  after: (id) => {
    revalidatePath("/surveys");
    redirect(`/surveys/${id}`);
  },
});

export const respondToSurveyAction = formAction({
  schema: SurveyResponseInput,
  permission: "surveys.respond",
  invalid: { formError: "This survey no longer exists." },
  read: (form) => ({ ...formObject(form), choices: responseChoices(form) }),
  run: (ctx, { surveyId, choices }) => respondToSurvey(ctx, surveyId, choices),
  after: (_, { surveyId }) => {
    revalidateSurvey(surveyId);
    redirect(`/surveys/${surveyId}/respond?thanks=1`);
  },
});

export const setSurveyStatusAction = formAction({
  schema: SurveyStatusInput,
  permission: "barriers.manage",
  invalid: { formError: "Choose open or closed." },
  run: (ctx, { surveyId, status }) => setSurveyStatus(ctx, surveyId, status),
  after: (_, { surveyId }) => revalidateSurvey(surveyId),
});

export const setSurveyClosesOnAction = formAction({
  schema: SurveyClosesOnInput,
  permission: "barriers.manage",
  run: (ctx, { surveyId, closesOn }) => setSurveyClosesOn(ctx, surveyId, closesOn),
  after: (_, { surveyId }) => {
    revalidateSurvey(surveyId);
    revalidatePath("/surveys");
  },
});

const ImportForSurvey = ImportInput.extend(SurveyIdInput.shape);

export const previewSurveyImportAction = formAction({
  schema: ImportForSurvey,
  permission: "barriers.manage",
  run: (ctx, { surveyId, content }) => previewSurveyImport(ctx, surveyId, content),
});

export const commitSurveyImportAction = formAction({
  schema: ImportForSurvey,
  permission: "barriers.manage",
  run: (ctx, { surveyId, content }) => commitSurveyImport(ctx, surveyId, content),
  after: (n, { surveyId }) => {
    revalidateSurvey(surveyId);
    redirect(`/surveys/${surveyId}?imported=${n}`);
  },
});

export const barrierFromResponseAction = formAction({
  schema: BarrierFromResponseInput,
  permission: "barriers.manage",
  invalid: { formError: "Choose a response." },
  run: (ctx, { surveyId, optionId }) => barrierFromResponse(ctx, surveyId, optionId),
  after: (id, { surveyId }) => {
    revalidatePath("/barriers", "layout");
    revalidatePath(`/surveys/${surveyId}`);
    redirect(`/barriers/${id}/edit?from=survey`);
  },
});

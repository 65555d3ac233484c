"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportInput } from "@/lib/schemas/transfer";
import {
  BarrierFromResponseInput,
  responseChoices,
  SurveyIdInput,
  SurveyInput,
  SurveyStatusInput,
  type SurveyImportPreviewDto,
} from "@/lib/schemas/surveys";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { createSurvey, respondToSurvey, setSurveyStatus } from "@/lib/server/data/surveys";
import { barrierFromResponse, commitSurveyImport, previewSurveyImport } from "@/lib/server/data/survey-transfer";
import { failureFrom } from "@/lib/server/action-errors";

export async function createSurveyAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = SurveyInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let id: string;
  try {
    id = await createSurvey(await requireMember("barriers.manage"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/surveys");
  redirect(`/surveys/${id}`);
}

export async function respondToSurveyAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = SurveyIdInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "This survey no longer exists." };
  try {
    await respondToSurvey(await requireMember("surveys.respond"), parsed.data.surveyId, responseChoices(form));
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath(`/surveys/${parsed.data.surveyId}`, "layout");
  redirect(`/surveys/${parsed.data.surveyId}/respond?thanks=1`);
}

export async function setSurveyStatusAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = SurveyStatusInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "Choose open or closed." };
  try {
    await setSurveyStatus(await requireMember("barriers.manage"), parsed.data.surveyId, parsed.data.status);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath(`/surveys/${parsed.data.surveyId}`, "layout");
  return { ok: true, data: undefined };
}

const ImportForSurvey = ImportInput.extend(SurveyIdInput.shape);

export async function previewSurveyImportAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<SurveyImportPreviewDto>> {
  const parsed = ImportForSurvey.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return {
      ok: true,
      data: await previewSurveyImport(
        await requireMember("barriers.manage"),
        parsed.data.surveyId,
        parsed.data.content,
      ),
    };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function commitSurveyImportAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = ImportForSurvey.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let n: number;
  try {
    n = await commitSurveyImport(await requireMember("barriers.manage"), parsed.data.surveyId, parsed.data.content);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath(`/surveys/${parsed.data.surveyId}`, "layout");
  redirect(`/surveys/${parsed.data.surveyId}?imported=${n}`);
}

export async function barrierFromResponseAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = BarrierFromResponseInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "Choose a response." };
  let id: string;
  try {
    id = await barrierFromResponse(await requireMember("barriers.manage"), parsed.data.surveyId, parsed.data.optionId);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/barriers", "layout");
  revalidatePath(`/surveys/${parsed.data.surveyId}`);
  redirect(`/barriers/${id}/edit?from=survey`);
}

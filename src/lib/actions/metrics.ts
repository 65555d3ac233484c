"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  MetricBehavioursInput,
  MetricInput,
  MetricUpdateInput,
  ReadingInput,
  type ReadingImportPreviewDto,
} from "@/lib/schemas/metrics";
import { ImportInput } from "@/lib/schemas/transfer";
import { formObject, formObjectWithLists, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { createMetric, setMetricBehaviours, updateMetric } from "@/lib/server/data/metrics";
import { addReading, commitReadingImport, previewReadingImport } from "@/lib/server/data/metric-readings";
import { failureFrom } from "@/lib/server/action-errors";

export async function createMetricAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = MetricInput.safeParse(formObjectWithLists(form, ["teamIds"]));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let id: string;
  try {
    id = await createMetric(await requireMember("metrics.manage"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/metrics", "layout");
  redirect(`/metrics/${id}`);
}

export async function updateMetricAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = MetricUpdateInput.safeParse(formObjectWithLists(form, ["teamIds"]));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  const { id, updatedAt, ...input } = parsed.data;
  try {
    await updateMetric(await requireMember("metrics.manage"), id, updatedAt, input);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/metrics", "layout");
  redirect(`/metrics/${id}`);
}

export async function addReadingAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = ReadingInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await addReading(await requireMember("metrics.manage"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/metrics", "layout");
  return { ok: true, data: undefined };
}

export async function setMetricBehavioursAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = MetricBehavioursInput.safeParse(formObjectWithLists(form, ["behaviourIds"]));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await setMetricBehaviours(await requireMember("metrics.manage"), parsed.data.metricId, parsed.data.behaviourIds);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/metrics", "layout");
  return { ok: true, data: undefined };
}

export async function previewReadingImportAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<ReadingImportPreviewDto>> {
  const parsed = ImportInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return { ok: true, data: await previewReadingImport(await requireMember("metrics.manage"), parsed.data.content) };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function commitReadingImportAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = ImportInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let count: number;
  try {
    count = await commitReadingImport(await requireMember("metrics.manage"), parsed.data.content);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/metrics", "layout");
  redirect(`/metrics?imported=${count}`);
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportInput } from "@/lib/schemas/transfer";
import { commitObservationImport, previewObservationImport } from "@/lib/server/data/observation-transfer";
import {
  EditObservationInput,
  LogBatchInput,
  LogObservationInput,
  UndoObservationInput,
  type LoggedDto,
  type ObservationImportPreviewDto,
} from "@/lib/schemas/observations";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { editObservation, logBatch, logObservation, undoObservation } from "@/lib/server/data/observation-log";
import { failureFrom } from "@/lib/server/action-errors";

/** Called straight from the Log pad (no form round trip): one tap, one request. */
export async function logObservationAction(input: unknown): Promise<ActionResult<LoggedDto>> {
  const parsed = LogObservationInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      fieldErrors: zodFieldErrors(parsed.error),
      formError: "That entry could not be saved: check the fields.",
    };
  try {
    // No revalidatePath: every page is rendered per request (nothing to purge), and revalidating
    // would make each tap re-render the Log page into its response (issue 8: logging throughput).
    return { ok: true, data: await logObservation(await requireMember("observations.log"), parsed.data) };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function undoObservationAction(input: unknown): Promise<ActionResult> {
  const parsed = UndoObservationInput.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "That entry can no longer be undone." };
  try {
    await undoObservation(await requireMember("observations.log"), parsed.data.id, parsed.data.token);
    return { ok: true, data: undefined };
  } catch (err) {
    const failure = failureFrom(err);
    return failure.formError === "That item no longer exists."
      ? { ok: false, formError: "That entry can no longer be undone." }
      : failure;
  }
}

export async function logBatchAction(_prev: unknown, form: FormData): Promise<ActionResult<LoggedDto>> {
  const raw = formObject(form);
  const parsed = LogBatchInput.safeParse({
    ...raw,
    anonymous: raw.anonymous === "on",
    occurredOn: raw.occurredOn || undefined,
  });
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return { ok: true, data: await logBatch(await requireMember("observations.log"), parsed.data) };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function previewObservationImportAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<ObservationImportPreviewDto>> {
  const parsed = ImportInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return {
      ok: true,
      data: await previewObservationImport(await requireMember("observations.import"), parsed.data.content),
    };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function commitObservationImportAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = ImportInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await commitObservationImport(await requireMember("observations.import"), parsed.data.content);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/log");
  redirect("/log?imported=1");
}

export async function editObservationAction(input: unknown): Promise<ActionResult> {
  const parsed = EditObservationInput.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "That entry can no longer be changed." };
  try {
    await editObservation(await requireMember("observations.log"), parsed.data.id, parsed.data.token, {
      outcome: parsed.data.outcome,
      note: parsed.data.note,
    });
    return { ok: true, data: undefined };
  } catch (err) {
    const failure = failureFrom(err);
    return failure.formError === "That item no longer exists."
      ? { ok: false, formError: "That entry can no longer be changed (24 hours have passed, or it was deleted)." }
      : failure;
  }
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  BehaviourIdInput,
  BehaviourInput,
  BehaviourUpdateInput,
  RestoreVersionInput,
  ValueInput,
  VideoTestInput,
} from "@/lib/schemas/behaviour";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { createBehaviour, createValue, restoreVersion, updateBehaviour } from "@/lib/server/data/behaviour-editor";
import { changeStatus, recordVideoTest, submitForReview } from "@/lib/server/data/behaviour-review";
import { failureFrom } from "@/lib/server/action-errors";
import { createVariant } from "@/lib/server/data/behaviour-variants";
import { CreateVariantInput } from "@/lib/schemas/variants";

export async function createBehaviourAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = BehaviourInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let id: string;
  try {
    id = await createBehaviour(await requireMember("catalogue.edit"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/catalogue");
  redirect(`/catalogue/${id}`);
}

export async function updateBehaviourAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ version: number }>> {
  const parsed = BehaviourUpdateInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  const { id, version, ...input } = parsed.data;
  try {
    await updateBehaviour(await requireMember("catalogue.edit"), id, version, input);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/catalogue", "layout");
  redirect(`/catalogue/${id}`);
}

async function lifecycle(form: FormData, run: (id: string) => Promise<unknown>): Promise<ActionResult> {
  const parsed = BehaviourIdInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "Choose a behaviour." };
  try {
    await run(parsed.data.behaviourId);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/catalogue", "layout");
  return { ok: true, data: undefined };
}

export async function submitForReviewAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return lifecycle(form, async (id) => submitForReview(await requireMember("catalogue.edit"), id));
}

export async function withdrawAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return lifecycle(form, async (id) => changeStatus(await requireMember("catalogue.edit"), id, "DRAFT"));
}

export async function retireAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return lifecycle(form, async (id) => changeStatus(await requireMember("catalogue.edit"), id, "RETIRED"));
}

export async function videoTestAction(_prev: unknown, form: FormData): Promise<ActionResult<{ status: string }>> {
  const parsed = VideoTestInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const status = await recordVideoTest(await requireMember("catalogue.review"), parsed.data);
    revalidatePath("/catalogue", "layout");
    return { ok: true, data: { status } };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function restoreVersionAction(_prev: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const parsed = RestoreVersionInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "Choose a version to restore." };
  try {
    const version = await restoreVersion(
      await requireMember("catalogue.edit"),
      parsed.data.behaviourId,
      parsed.data.restore,
      parsed.data.version,
    );
    revalidatePath("/catalogue", "layout");
    return { ok: true, data: { version } };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function createValueAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = ValueInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const id = await createValue(await requireMember("catalogue.edit"), parsed.data);
    revalidatePath("/catalogue");
    return { ok: true, data: { id } };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function createVariantAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = CreateVariantInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  const { behaviourId, ...input } = parsed.data;
  try {
    const id = await createVariant(await requireMember(), behaviourId, input);
    revalidatePath(`/catalogue/${behaviourId}`);
    return { ok: true, data: { id } };
  } catch (err) {
    return failureFrom(err);
  }
}

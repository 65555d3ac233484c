"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { BarrierInput, BarrierStatusInput, BarrierUpdateInput, InterventionInput } from "@/lib/schemas/barriers";
import { formObject, formObjectWithLists, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { changeBarrierStatus, createBarrier, updateBarrier } from "@/lib/server/data/barriers";
import { createIntervention } from "@/lib/server/data/interventions";
import { failureFrom } from "@/lib/server/action-errors";

const LISTS = ["behaviourIds", "teamIds"] as const;

export async function createBarrierAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = BarrierInput.safeParse(formObjectWithLists(form, LISTS));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let id: string;
  try {
    id = await createBarrier(await requireMember("barriers.propose"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/barriers");
  redirect(`/barriers/${id}`);
}

export async function updateBarrierAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = BarrierUpdateInput.safeParse(formObjectWithLists(form, LISTS));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  const { id, updatedAt, ...input } = parsed.data;
  try {
    await updateBarrier(await requireMember("barriers.manage"), id, updatedAt, input);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/barriers", "layout");
  redirect(`/barriers/${id}`);
}

export async function changeBarrierStatusAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = BarrierStatusInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await changeBarrierStatus(await requireMember("barriers.manage"), parsed.data.id, parsed.data.status);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/barriers", "layout");
  return { ok: true, data: undefined };
}

export async function createInterventionAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  const parsed = InterventionInput.safeParse(formObjectWithLists(form, ["teamIds"]));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  let id: string;
  try {
    id = await createIntervention(await requireMember("barriers.manage"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/barriers", "layout");
  redirect(`/interventions/${id}`);
}

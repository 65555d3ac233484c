"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { TrashInput } from "@/lib/schemas/trash";
import { formObject, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { restoreDeleted, softDelete } from "@/lib/server/data/trash";
import { failureFrom } from "@/lib/server/action-errors";

const LIST = { behaviour: "/catalogue", barrier: "/barriers", metric: "/metrics" } as const;

/** Soft delete; the data layer checks the permission for the kind of record. */
export async function deleteAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = TrashInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "That item cannot be deleted." };
  try {
    await softDelete(await requireMember(), parsed.data.type, parsed.data.id);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath(LIST[parsed.data.type], "layout");
  redirect(`${LIST[parsed.data.type]}?deleted=1`);
}

export async function restoreAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = TrashInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "That item cannot be restored." };
  try {
    await restoreDeleted(await requireMember("members.manage"), parsed.data.type, parsed.data.id);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
}

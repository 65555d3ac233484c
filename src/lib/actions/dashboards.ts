"use server";
import { revalidatePath } from "next/cache";
import { CustomerStoryInput } from "@/lib/schemas/dashboards";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { saveCustomerStory } from "@/lib/server/data/customer-stories";
import { failureFrom } from "@/lib/server/action-errors";

export async function saveCustomerStoryAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = CustomerStoryInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await saveCustomerStory(await requireMember("dashboards.view"), parsed.data);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/dashboards/standup");
  return { ok: true, data: undefined };
}

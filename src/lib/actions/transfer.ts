"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportInput, type ImportPreviewDto } from "@/lib/schemas/transfer";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { commitCatalogueImport, previewCatalogueImport } from "@/lib/server/data/catalogue-transfer";
import { failureFrom } from "@/lib/server/action-errors";

export async function previewImportAction(_prev: unknown, form: FormData): Promise<ActionResult<ImportPreviewDto>> {
  const parsed = ImportInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return { ok: true, data: await previewCatalogueImport(await requireMember("catalogue.edit"), parsed.data.content) };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function commitImportAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = ImportInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await commitCatalogueImport(await requireMember("catalogue.edit"), parsed.data.content);
  } catch (err) {
    return failureFrom(err);
  }
  revalidatePath("/catalogue");
  redirect("/catalogue?status=DRAFT");
}

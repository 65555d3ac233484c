"use server";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { revalidatePath } from "next/cache";
import { BackupImportInput, parseBackupDocument, TOO_LARGE, type BackupImportResultDto } from "@/lib/schemas/backup";
import { MAX_BACKUP_BYTES } from "@/lib/domain/backup";
import { zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { importOrganisation } from "@/lib/server/data/backup";
import { failureFrom } from "@/lib/server/action-errors";

/**
 * Imports an organisation backup (the file, or its text) into the caller's own, empty organisation.
 * The size is checked before anything is parsed, and the document itself only for an admin.
 */
export async function importOrganisationAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<BackupImportResultDto>> {
  const upload = await uploadedText(form.get("content"));
  if ("error" in upload) return { ok: false, fieldErrors: { content: upload.error } };
  const parsed = BackupImportInput.safeParse({ content: upload.text });
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const ctx = await requireMember("members.manage");
    const doc = parseBackupDocument(parsed.data.content);
    if (!doc.ok) return { ok: false, fieldErrors: { content: doc.message } };
    const result = await importOrganisation(ctx, doc.data);
    revalidatePath("/", "layout");
    return { ok: true, data: result };
  } catch (err) {
    return failureFrom(err);
  }
}

/**
 * The uploaded file's text. The form gzips the file in the browser (a backup compresses about
 * 15 to 1, which keeps it under the request size limit); a plain .json file or pasted text works too.
 * Decompression stops at the size limit, so a small archive cannot expand into a huge one.
 */
async function uploadedText(upload: FormDataEntryValue | null): Promise<{ text: unknown } | { error: string }> {
  if (!(upload instanceof File)) return { text: upload ?? undefined };
  if (upload.size > MAX_BACKUP_BYTES) return { error: TOO_LARGE };
  const bytes = Buffer.from(await upload.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { text: bytes.toString("utf8") };
  try {
    return { text: (await promisify(gunzip)(bytes, { maxOutputLength: MAX_BACKUP_BYTES })).toString("utf8") };
  } catch (err) {
    return {
      error:
        (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
          ? TOO_LARGE
          : "The file is not a readable backup (a damaged .gz archive).",
    };
  }
}

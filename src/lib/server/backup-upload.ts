import "server-only";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { MAX_BACKUP_BYTES } from "@/lib/domain/backup";
import { TOO_LARGE } from "@/lib/schemas/backup";
import { RuleError } from "./errors";

/**
 * The uploaded backup's text. The form gzips the file in the browser (a backup compresses about
 * 15 to 1, which keeps it under the request size limit); a plain .json file or pasted text works too.
 * Decompression stops at the size limit, so a small archive cannot expand into a huge one.
 */
export async function backupUploadText(upload: FormDataEntryValue | null): Promise<unknown> {
  if (!(upload instanceof File)) return upload ?? undefined;
  if (upload.size > MAX_BACKUP_BYTES) throw new RuleError(TOO_LARGE, "content");
  const bytes = Buffer.from(await upload.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString("utf8");
  try {
    return (await promisify(gunzip)(bytes, { maxOutputLength: MAX_BACKUP_BYTES })).toString("utf8");
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
    throw new RuleError(tooLarge ? TOO_LARGE : "The file is not a readable backup (a damaged .gz archive).", "content");
  }
}

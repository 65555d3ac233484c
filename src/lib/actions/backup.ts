"use server";
import { revalidatePath } from "next/cache";
import { BackupImportInput } from "@/lib/schemas/backup";
import { formAction } from "@/lib/server/action";
import { backupUploadText } from "@/lib/server/backup-upload";
import { importOrganisationFile } from "@/lib/server/data/backup";

/** Imports an organisation backup (the file, or its text) into the caller's own, empty organisation. */
export const importOrganisationAction = formAction({
  schema: BackupImportInput,
  permission: "members.manage",
  read: async (form) => ({ content: await backupUploadText(form.get("content")) }),
  run: (ctx, { content }) => importOrganisationFile(ctx, content),
  after: () => revalidatePath("/", "layout"),
});

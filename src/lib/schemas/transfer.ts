import { z } from "./zod";
import { importBytes, importTooLarge, MAX_IMPORT_BYTES } from "@/lib/domain/import-limits";

/** An uploaded import file's text (CSV or JSON), at most MAX_IMPORT_BYTES. */
export const ImportInput = z.object({
  content: z
    .string({ error: "Choose a file or paste its content." })
    .min(1, "Choose a file or paste its content.")
    // Characters never outnumber bytes: the cheap check first, so a huge string is not encoded.
    .max(MAX_IMPORT_BYTES * 2, importTooLarge())
    .superRefine((s, ctx) => {
      const bytes = importBytes(s);
      if (bytes > MAX_IMPORT_BYTES) ctx.addIssue({ code: "custom", message: importTooLarge(bytes) });
    }),
});

/** An observation import, confirmed when it repeats an earlier one ("Import again anyway"). */
export const ObservationImportInput = ImportInput.extend({
  repeat: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export interface ImportPreviewDto {
  fileError: string | null;
  rows: { line: number; title: string; value: string; errors: string[]; warnings: string[] }[];
  importable: number;
  newValues: string[];
}

import { z } from "./zod";

/** An uploaded catalogue file's text (CSV or JSON), at most 2 MB. */
export const ImportInput = z.object({
  content: z
    .string({ error: "Choose a file or paste its content." })
    .min(1, "Choose a file or paste its content.")
    .max(2_000_000, "The file is larger than 2 MB."),
});

export interface ImportPreviewDto {
  fileError: string | null;
  rows: { line: number; title: string; value: string; errors: string[]; warnings: string[] }[];
  importable: number;
  newValues: string[];
}

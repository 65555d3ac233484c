import { z } from "./zod";
import { TRASH_TYPES } from "@/lib/domain/trash";

export const TrashInput = z.object({
  type: z.enum(TRASH_TYPES, { error: "Choose what to delete." }),
  id: z.string().trim().min(1, "Choose one.").max(40, "Choose one."),
});

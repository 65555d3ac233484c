import { z } from "./zod";
import { id } from "./text";
import { TRASH_TYPES } from "@/lib/domain/trash";

export const TrashInput = z.object({
  type: z.enum(TRASH_TYPES, { error: "Choose what to delete." }),
  id: id(),
});

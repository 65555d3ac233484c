import { z } from "./zod";
import { text } from "./text";

export const VariantInput = z.object({
  teamId: z.string().trim().min(1, "Choose a team.").max(40, "Choose a team."),
  trigger: text("Trigger", 3, 200),
  frequency: text("Frequency", 2, 120),
});
export type VariantInput = z.infer<typeof VariantInput>;

export const CreateVariantInput = VariantInput.extend({ behaviourId: z.string().trim().min(1).max(40) });

export interface VariantDto {
  id: string;
  teamName: string;
  trigger: string;
  frequency: string;
  sentence: string;
}

import { z } from "./zod";
import { id, text } from "./text";

export const VariantInput = z.object({
  teamId: id("Choose a team."),
  trigger: text("Trigger", 3, 200),
  frequency: text("Frequency", 2, 120),
});
export type VariantInput = z.infer<typeof VariantInput>;

export const CreateVariantInput = VariantInput.extend({ behaviourId: id() });

export interface VariantDto {
  id: string;
  teamName: string;
  trigger: string;
  frequency: string;
  sentence: string;
}

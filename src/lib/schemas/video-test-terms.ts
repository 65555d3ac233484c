import { z } from "./zod";
import { id, text } from "./text";

export const TERM_MAX = 60;
export const TERM_SUGGESTION_MAX = 300;

export const VideoTestTermInput = z.object({
  term: text("Term", 1, TERM_MAX),
  suggestion: text("Suggestion", 0, TERM_SUGGESTION_MAX).default(""),
});
export type VideoTestTermInput = z.infer<typeof VideoTestTermInput>;

export const VideoTestTermRefInput = z.object({ termId: id("That term no longer exists.") });
export type VideoTestTermRefInput = z.infer<typeof VideoTestTermRefInput>;

export interface VideoTestTermDto {
  id: string;
  term: string;
  suggestion: string;
  addedBy: string | null;
  createdAt: string;
}

import { z } from "./zod";
import { id, text } from "./text";

import { TERM_MAX, TERM_SUGGESTION_MAX } from "@/lib/domain/video-test";

export { TERM_MAX, TERM_SUGGESTION_MAX };

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

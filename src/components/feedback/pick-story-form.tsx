"use client";
import { markFeedbackStoryAction } from "@/lib/actions/feedback";
import type { StoryDto } from "@/lib/schemas/feedback";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { StoryPicker } from "./story-picker";

/** The standup's "pick a recent story": marks what a customer said recently as a story. */
export function PickStoryForm({ candidates }: { candidates: StoryDto[] }) {
  const [state, onSubmit, pending, feedback] = useFormAction(markFeedbackStoryAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError {...feedback} />
      <input type="hidden" name="isStory" value="true" />
      <StoryPicker
        stories={candidates}
        name="id"
        legend="Pick something a customer said recently"
        error={errors.id ? "Choose one of the quotes." : undefined}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Tell this story"}
      </Button>
    </form>
  );
}

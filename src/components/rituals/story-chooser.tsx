"use client";
import { setAgendaStoryAction } from "@/lib/actions/rituals";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { AgendaFeedbackDto } from "@/lib/schemas/agenda";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

const clip = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);

/** Choose the customer's story the meeting opens with, from the feedback marked as stories. */
export function StoryChooser({
  itemId,
  storyId,
  stories,
}: {
  itemId: string;
  storyId: string | null;
  stories: AgendaFeedbackDto[];
}) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(setAgendaStoryAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3 print:hidden">
      <input type="hidden" name="itemId" value={itemId} />
      <SelectField
        name="storyId"
        label="Story told"
        defaultValue={storyId ?? ""}
        options={stories.map((s) => ({ id: s.id, name: `${s.receivedOn}: ${clip(s.quote)}` }))}
        placeholder="No story chosen"
        error={errors.storyId}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Use this story"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

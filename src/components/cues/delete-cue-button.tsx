"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteCueAction } from "@/lib/actions/cues";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function DeleteCueButton({ id }: { id: string }) {
  const [, onSubmit, pending, feedback] = useFormAction(deleteCueAction);
  return (
    <form onSubmit={onSubmit}>
      <FormError {...feedback} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Delete cue
      </Button>
    </form>
  );
}

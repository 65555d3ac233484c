"use client";
import type { ActionResult } from "@/lib/schemas/action-result";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** One button that posts a few hidden values; a failure shows beside it, and a lost request offers Retry. */
export function PostButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  confirm,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  /** Asked before posting, for what cannot be undone in one click. */
  confirm?: string;
}) {
  const [, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(action);
  return (
    <form
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="inline-flex flex-col gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? label) : label}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

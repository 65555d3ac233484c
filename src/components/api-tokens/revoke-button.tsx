"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [, onSubmit, pending, feedback] = useFormAction(revokeApiTokenAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

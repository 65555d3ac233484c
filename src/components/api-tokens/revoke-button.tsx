"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { revokeApiTokenAction, revokeScimTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function RevokeTokenButton({ id, name, kind = "api" }: { id: string; name: string; kind?: "api" | "scim" }) {
  const [, onSubmit, pending, feedback] = useFormAction(kind === "scim" ? revokeScimTokenAction : revokeApiTokenAction);
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

"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { createScimTokenAction } from "@/lib/actions/api-tokens";
import type { ApiTokenCreatedDto } from "@/lib/schemas/api";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { TokenNotice } from "./api-token-form";

/** Make a SCIM token for the identity provider: its secret is shown once, here, right after. */
export function ScimTokenForm() {
  const [state, onSubmit, pending, feedback] = useFormAction(createScimTokenAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = state?.ok ? (state.data as ApiTokenCreatedDto) : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Make a SCIM token">
        <Field
          name="name"
          label="Name"
          error={errors.name}
          maxLength={80}
          hint="Which directory uses it, e.g. “Okta” or “Entra ID”."
        />
        <Field
          name="expiresOn"
          label="Expires after (optional)"
          type="date"
          error={errors.expiresOn}
          hint="It works to the end of that day; leave blank for no expiry."
        />
        <FormError {...feedback} />
        <Button type="submit" disabled={pending}>
          {pending ? "Making…" : "Make SCIM token"}
        </Button>
      </form>
      {created && <TokenNotice token={created.token} label="SCIM token" />}
    </div>
  );
}

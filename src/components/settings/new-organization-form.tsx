"use client";
import { useEffect } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { useRouter } from "next/navigation";
import { createOrganizationAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function NewOrganizationForm() {
  const router = useRouter();
  const [state, onSubmit, pending, feedback] = useFormAction(createOrganizationAction);
  useEffect(() => {
    if (state?.ok) router.push("/settings");
  }, [state, router]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <div className="min-w-60 flex-1">
        <Field name="organizationName" label="New organisation name" error={errors.organizationName} maxLength={80} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Create organisation
      </Button>
      <div className="w-full">
        <FormError {...feedback} />
      </div>
    </form>
  );
}

"use client";
import { signUpAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/accounts";
import { useFormActionThenSignIn } from "./use-sign-in-after";

export function SignUpForm() {
  const [state, onSubmit, pending, feedback] = useFormActionThenSignIn(signUpAction, "/");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state?.ok && (
        <p role="status" className="text-sm">
          Organisation created. Signing you in…
        </p>
      )}
      <FormError {...feedback} />
      <Field name="name" label="Your name" autoComplete="name" error={errors.name} required maxLength={80} />
      <Field name="email" label="Work e-mail" type="email" autoComplete="email" error={errors.email} required />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        error={errors.password}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
        required
      />
      <Field
        name="organizationName"
        label="Organisation name"
        autoComplete="organization"
        error={errors.organizationName}
        required
        maxLength={80}
      />
      <Button type="submit" disabled={pending || state?.ok} className="w-full">
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}

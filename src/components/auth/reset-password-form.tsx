"use client";
import { resetPasswordAction } from "@/lib/actions/password-resets";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/accounts";
import { useFormActionThenSignIn } from "./use-sign-in-after";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, onSubmit, pending, feedback] = useFormActionThenSignIn(resetPasswordAction, "/");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state?.ok && (
        <p role="status" className="text-sm">
          Password changed. Signing you in…
        </p>
      )}
      <FormError {...feedback} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        error={errors.password}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Every other browser signed in as you is signed out.`}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

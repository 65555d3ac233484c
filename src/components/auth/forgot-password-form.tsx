"use client";
import { forgotPasswordAction } from "@/lib/actions/mail";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** Asks for the address only; the answer never says whether it has an account. */
export function ForgotPasswordForm({ minutes }: { minutes: number }) {
  const [state, onSubmit, pending, feedback] = useFormAction(forgotPasswordAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (state?.ok)
    return (
      <p role="status" className="text-sm">
        If {state.data.email} has a Conduct account, a link to set a new password is on its way there. It works once,
        for {minutes} minutes.
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError {...feedback} />
      <Field name="email" label="E-mail" type="email" autoComplete="email" error={errors.email} required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "E-mail me a reset link"}
      </Button>
    </form>
  );
}

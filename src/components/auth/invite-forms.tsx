"use client";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { acceptInviteAction, acceptInviteAsNewUserAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/accounts";
import { useFormActionThenSignIn } from "./use-sign-in-after";

export function JoinAsNewUserForm({
  token,
  email,
  name,
}: {
  token: string;
  email: string | null;
  name: string | null;
}) {
  const [state, onSubmit, pending, feedback] = useFormActionThenSignIn(acceptInviteAsNewUserAction, "/");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state?.ok && (
        <p role="status" className="text-sm">
          Welcome! Signing you in…
        </p>
      )}
      <FormError {...feedback} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={name ?? ""}
        error={errors.name}
        required
        maxLength={80}
      />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        defaultValue={email ?? ""}
        error={errors.email}
        required
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        error={errors.password}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
        required
      />
      <Button type="submit" disabled={pending || state?.ok} className="w-full">
        {pending ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}

export function JoinAsSignedInUserForm({ token, organizationName }: { token: string; organizationName: string }) {
  // On success the action redirects to the catalogue of the joined organisation.
  const [state, action, pending] = useSafeActionState(acceptInviteAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : `Join ${organizationName}`}
      </Button>
    </form>
  );
}

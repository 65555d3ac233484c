"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SSO_REQUIRED_MESSAGE } from "@/lib/domain/sso";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing = {
      email: email ? undefined : "Enter your e-mail address.",
      password: password ? undefined : "Enter your password.",
    };
    if (missing.email || missing.password) return setErrors(missing);
    setPending(true);
    setErrors({});
    const res = await signIn("credentials", { email, password, redirect: false });
    if (res?.ok && !res.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    setPending(false);
    // An address whose organisation signs in through its identity provider only: say where to go.
    if (res?.error === "SsoRequired") return setErrors({ email: SSO_REQUIRED_MESSAGE });
    // The same answer for an unknown e-mail and a wrong password.
    setErrors({
      form:
        res?.status === 429 || res?.error === "TooManyAttempts"
          ? "Too many attempts. Wait a few minutes and try again."
          : "That e-mail and password do not match an account.",
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.form} />
      <Field name="email" label="E-mail" type="email" autoComplete="email" error={errors.email} required />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

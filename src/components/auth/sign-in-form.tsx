"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { isSsoRefusal, SSO_REFUSALS, SSO_REQUIRED_MESSAGE } from "@/lib/domain/sso";

const SSO_EMAIL = "Enter your work e-mail address, like name@example.com, then continue with single sign-on.";
const ssoMessage = (reason: unknown) =>
  isSsoRefusal(reason) ? SSO_REFUSALS[reason] : reason === "invalid-email" ? SSO_EMAIL : undefined;

/**
 * E-mail and password, or the same e-mail through the organisation's identity provider ("Continue
 * with single sign-on", docs/decisions/034): POST /api/sso/start answers where the provider's sign-in
 * is and the page goes there itself; the provider comes back to /api/sso/callback, which lands in the
 * app, or here with `?sso=<reason>` (shown beside the e-mail).
 */
export function SignInForm({ next, ssoReason, email }: { next: string; ssoReason?: string; email?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({
    email: ssoMessage(ssoReason),
  });
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

  async function onSingleSignOn(form: HTMLFormElement | null) {
    const email = String((form && new FormData(form).get("email")) ?? "").trim();
    if (!email) return setErrors({ email: SSO_EMAIL });
    setPending(true);
    setErrors({});
    const body = new FormData();
    body.set("email", email);
    body.set("next", next);
    try {
      const res = await fetch("/api/sso/start", { method: "POST", body });
      const answer = (await res.json()) as { location?: string; reason?: string };
      if (answer.location) return window.location.assign(answer.location);
      setErrors({ email: ssoMessage(answer.reason) ?? SSO_REFUSALS.unavailable });
    } catch {
      setErrors({ form: "Conduct could not be reached. Check your connection and try again." });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.form} />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        defaultValue={email}
        error={errors.email}
        required
      />
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
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Or sign in with single sign-on, if your organisation uses an identity provider:
      </p>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        className="w-full"
        onClick={(e) => void onSingleSignOn(e.currentTarget.form)}
      >
        Continue with single sign-on
      </Button>
    </form>
  );
}

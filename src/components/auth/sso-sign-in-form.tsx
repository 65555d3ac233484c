"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { isSsoRefusal, SSO_REFUSALS } from "@/lib/domain/sso";

const INVALID_EMAIL = "Enter your work e-mail address, like name@example.com.";
const message = (reason: unknown) =>
  isSsoRefusal(reason) ? SSO_REFUSALS[reason] : reason === "invalid-email" ? INVALID_EMAIL : undefined;

/**
 * "Sign in with single sign-on": the e-mail's domain picks the organisation's identity provider
 * (POST /api/sso/start), and the page goes there itself; the provider's answer comes back to
 * /api/sso/callback, which lands in the app or back here with `?sso=<reason>`.
 */
export function SsoSignInForm({ next, reason, email }: { next: string; reason?: string; email?: string }) {
  const [error, setError] = useState(message(reason));
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (!String(form.get("email") ?? "").trim()) return setError(INVALID_EMAIL);
    setPending(true);
    setError(undefined);
    try {
      const res = await fetch("/api/sso/start", { method: "POST", body: form });
      const body = (await res.json()) as { location?: string; reason?: string };
      if (body.location) return window.location.assign(body.location);
      setError(message(body.reason) ?? SSO_REFUSALS.unavailable);
    } catch {
      setError("Conduct could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <section
      id="sso"
      aria-labelledby="sso-heading"
      className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800"
    >
      <h2 id="sso-heading" className="mb-2 text-base font-semibold">
        Sign in with single sign-on
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Sign in with single sign-on">
        <input type="hidden" name="next" value={next} />
        <Field
          name="email"
          id="sso-email"
          label="Work e-mail"
          type="email"
          autoComplete="email"
          defaultValue={email}
          error={error}
          hint="If your organisation uses an identity provider, you sign in there."
          required
        />
        <Button type="submit" variant="secondary" disabled={pending} className="w-full">
          {pending ? "Opening your provider…" : "Continue with single sign-on"}
        </Button>
      </form>
    </section>
  );
}

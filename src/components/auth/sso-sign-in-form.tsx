import { Field } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { isSsoRefusal, SSO_REFUSALS } from "@/lib/domain/sso";

/**
 * "Sign in with single sign-on": a plain form (no script needed) posted to /api/sso/start, which
 * sends the browser to the organisation's identity provider, or back here with `?sso=<reason>`.
 */
export function SsoSignInForm({ next, reason, email }: { next: string; reason?: string; email?: string }) {
  const error = isSsoRefusal(reason)
    ? SSO_REFUSALS[reason]
    : reason === "invalid-email"
      ? "Enter your work e-mail address, like name@example.com."
      : undefined;
  return (
    <section
      id="sso"
      aria-labelledby="sso-heading"
      className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-800"
    >
      <h2 id="sso-heading" className="mb-2 text-base font-semibold">
        Sign in with single sign-on
      </h2>
      <form method="post" action="/api/sso/start" className="space-y-3" aria-label="Sign in with single sign-on">
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
        <button type="submit" className={`${buttonClass("secondary")} w-full`}>
          Continue with single sign-on
        </button>
      </form>
    </section>
  );
}

import { TextLink } from "@/components/ui/text-link";
import { RESET_MINUTES } from "@/lib/domain/accounts";

export const metadata = { title: "Forgot your password?" };

/**
 * Conduct sends no e-mail yet, so a reset link comes from an admin of the person's organisation.
 * The page asks for nothing: it cannot tell anyone whether an address has an account.
 */
export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Forgot your password?</h1>
      <div className="space-y-3 text-sm text-slate-700 dark:text-slate-300">
        <p>
          Ask an admin of your organisation for a password reset link. They make one in Settings, beside your name; it
          works once, for {RESET_MINUTES} minutes, and signs you out of every other browser.
        </p>
        <p>If you are the only admin, sign in with a browser that still remembers you and change it there.</p>
      </div>
      <p className="mt-6 text-sm">
        <TextLink href="/sign-in" className="font-medium">
          Back to sign in
        </TextLink>
      </p>
    </>
  );
}

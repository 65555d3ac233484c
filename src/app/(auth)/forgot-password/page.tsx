import { TextLink } from "@/components/ui/text-link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { RESET_MINUTES } from "@/lib/domain/accounts";

export const metadata = { title: "Forgot your password?" };

/** A reset link by e-mail; the page answers the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Forgot your password?</h1>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        Enter the e-mail address you sign in with and we will send you a link to choose a new one.
      </p>
      <ForgotPasswordForm minutes={RESET_MINUTES} />
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        No e-mail? Ask an admin of your organisation for a password reset link. They make one in Settings, beside your
        name; it works once, for {RESET_MINUTES} minutes, and signs you out of every other browser.
      </p>
      <p className="mt-6 text-sm">
        <TextLink href="/sign-in" className="font-medium">
          Back to sign in
        </TextLink>
      </p>
    </>
  );
}

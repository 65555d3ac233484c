import { resetLinkUsable, RESET_UNUSABLE } from "@/lib/server/data/password-resets";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await resetLinkUsable(token))) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">This link cannot be used</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{RESET_UNUSABLE}</p>
        <p className="mt-6 text-sm">
          <TextLink href="/sign-in" className="font-medium">
            Back to sign in
          </TextLink>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Choose a new password</h1>
      <ResetPasswordForm token={token} />
    </>
  );
}

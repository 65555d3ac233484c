import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/server/auth";
import { safeNextPath } from "@/lib/domain/redirects";
import { TextLink } from "@/components/ui/text-link";
import { SSO_LINK_SENT, ssoLinkSentMessage } from "@/lib/domain/sso";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next ?? params.callbackUrl);
  if (await getSessionUser()) redirect(next);
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : undefined;
  const linkSent = params.sso === SSO_LINK_SENT && email;
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      {linkSent && (
        <p
          role="status"
          className="mb-4 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm dark:border-brand-800 dark:bg-slate-900"
        >
          {ssoLinkSentMessage(email)}
        </p>
      )}
      <SignInForm
        next={next}
        ssoReason={typeof params.sso === "string" && !linkSent ? params.sso : undefined}
        email={email}
      />
      <p className="mt-3 text-sm">
        <TextLink href="/forgot-password">Forgot your password?</TextLink>
      </p>
      <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">
        New to Conduct?{" "}
        <TextLink href="/sign-up" className="font-medium">
          Create an organisation
        </TextLink>
      </p>
    </>
  );
}

import { ssoLinkPreview } from "@/lib/server/data/sso-sign-in";
import { SSO_REFUSALS } from "@/lib/domain/sso";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Confirm single sign-on" };

// The page an e-mailed confirmation link opens (docs/decisions/034). Opening it changes nothing (mail
// scanners open links); the button posts the token and signs the account in through the provider.
export default async function ConfirmSsoPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await ssoLinkPreview(token);
  if (!preview) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">This link cannot be used</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{SSO_REFUSALS["link-unusable"]}</p>
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
      <h1 className="mb-2 text-xl font-semibold">Confirm single sign-on</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        From now on, {preview.organisationName}&apos;s identity provider signs you in to your Conduct account{" "}
        <strong className="font-medium">{preview.email}</strong>. Your password, if you have one, keeps working where
        your organisation allows it.
      </p>
      <form method="post" action="/api/sso/confirm" className="mt-6">
        <input type="hidden" name="token" value={token} />
        <Button type="submit" className="w-full">
          Confirm and sign in
        </Button>
      </form>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        Not you, or you did not just sign in? Close this page: nothing changes.
      </p>
    </>
  );
}

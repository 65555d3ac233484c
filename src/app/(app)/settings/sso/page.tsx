import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getSsoSettings } from "@/lib/server/data/sso";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { LocalTime } from "@/components/ui/local-time";
import { SsoConnectionForm, SsoRemoveButton, SsoTestButton } from "@/components/sso/sso-connection-form";

export const metadata = { title: "Single sign-on" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function SsoSettingsPage() {
  const ctx = await requireMemberPage("sso.manage");
  const { connection, redirectUri } = await getSsoSettings(ctx);
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="Let people sign in with your organisation's identity provider (OpenID Connect). Their first sign-in makes them members; disabling a member here still ends their access."
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <section aria-labelledby="register-heading" className={card}>
          <h2 id="register-heading" className="mb-2 text-lg font-semibold">
            At your provider
          </h2>
          <p className="text-sm">
            Register Conduct as a web application (confidential client, authorization code flow with PKCE, scopes{" "}
            <code>openid email profile</code>) with this redirect URI:
          </p>
          <p className="mt-2">
            <code
              data-testid="sso-redirect-uri"
              className="rounded bg-slate-100 px-2 py-1 text-sm break-all dark:bg-slate-800"
            >
              {redirectUri}
            </code>
          </p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Conduct signs in only addresses your provider has verified (<code>email_verified</code>).
          </p>
        </section>
        <section aria-labelledby="settings-heading" className={card}>
          <h2 id="settings-heading" className="mb-3 text-lg font-semibold">
            {connection ? "Provider" : "Set up single sign-on"}
          </h2>
          {connection ? (
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Saved <LocalTime iso={connection.updatedAt} />. Covers {connection.domains.join(", ")}; password sign-in{" "}
              {connection.allowPassword ? "stays allowed" : "is off"} for these addresses.
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              {ctx.orgName} has no identity provider yet. Enter the settings your provider gave you for Conduct.
            </p>
          )}
          <div className="max-w-2xl">
            <SsoConnectionForm connection={connection} />
          </div>
        </section>
        {connection && (
          <section aria-labelledby="test-heading" className={card}>
            <h2 id="test-heading" className="mb-3 text-lg font-semibold">
              Check and remove
            </h2>
            <div className="flex flex-wrap items-start gap-6">
              <SsoTestButton />
              <SsoRemoveButton />
            </div>
          </section>
        )}
      </div>
    </>
  );
}

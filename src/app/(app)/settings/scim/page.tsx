import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listScimTokens } from "@/lib/server/data/api-tokens";
import { appUrl } from "@/lib/server/app-url";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ScimTokenForm } from "@/components/api-tokens/scim-token-form";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-button";

export const metadata = { title: "Provisioning (SCIM)" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
const TONE = { active: "green", expired: "amber", revoked: "red" } as const;
const STATE_LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

export default async function ScimPage() {
  const ctx = await requireMemberPage("scim.manage");
  const tokens = await listScimTokens(ctx);
  const base = appUrl("/scim/v2");
  return (
    <>
      <PageHeader
        title="Provisioning (SCIM)"
        description="Let your identity provider (Okta, Entra ID, OneLogin, JumpCloud…) add people to the organisation, keep their names and teams up to date, and disable them when they leave. A SCIM token acts with your authority and stops working if you are no longer an admin."
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <section aria-labelledby="scim-setup-heading" className={card}>
          <h2 id="scim-setup-heading" className="mb-3 text-lg font-semibold">
            In your identity provider
          </h2>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="font-medium">SCIM base URL</dt>
            <dd className="font-mono break-all" data-testid="scim-base-url">
              {base}
            </dd>
            <dt className="font-medium">Authentication</dt>
            <dd>Bearer token (HTTP header): a SCIM token made below</dd>
            <dt className="font-medium">Unique identifier</dt>
            <dd>userName: the person&rsquo;s e-mail address</dd>
            <dt className="font-medium">Groups</dt>
            <dd>Pushed groups become teams; removing a group archives its team and keeps its history</dd>
          </dl>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-400">
            <li>New people join as members; change their role here in Conduct.</li>
            <li>Deactivating or deleting someone in the provider disables them here and signs them out.</li>
            <li>Someone who also belongs to another organisation keeps their own name and e-mail address.</li>
          </ul>
        </section>
        <section aria-labelledby="scim-tokens-heading" className={card}>
          <h2 id="scim-tokens-heading" className="mb-3 text-lg font-semibold">
            SCIM tokens
          </h2>
          {tokens.length === 0 ? (
            <EmptyState>
              {ctx.orgName} has no SCIM token yet. Make one below, then paste it with the base URL above into your
              identity provider&rsquo;s provisioning settings.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0 space-y-1">
                    <p className="font-medium">
                      {t.name} <Badge tone={TONE[t.state]}>{STATE_LABEL[t.state]}</Badge>
                    </p>
                    <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{t.prefix}…</p>
                    <p className="text-sm">
                      Made by {t.createdByName} <LocalTime iso={t.createdAt} /> · Last used:{" "}
                      {t.lastUsedAt ? <LocalTime iso={t.lastUsedAt} /> : "never"}
                      {t.expiresAt && (
                        <>
                          {" "}
                          · Expires <LocalTime iso={t.expiresAt} />
                        </>
                      )}
                    </p>
                  </div>
                  {t.state !== "revoked" && <RevokeTokenButton id={t.id} name={t.name} kind="scim" />}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="make-scim-token-heading" className={card}>
          <h2 id="make-scim-token-heading" className="mb-3 text-lg font-semibold">
            Make a SCIM token
          </h2>
          <div className="max-w-2xl">
            <ScimTokenForm />
          </div>
        </section>
      </div>
    </>
  );
}

import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listApiTokens } from "@/lib/server/data/api-tokens";
import { SCOPE_LABELS, type ApiScope } from "@/lib/domain/api-tokens";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ApiTokenForm } from "@/components/api-tokens/api-token-form";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-button";

export const metadata = { title: "API tokens" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
const TONE = { active: "green", expired: "amber", revoked: "red" } as const;
const STATE_LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

export default async function ApiTokensPage() {
  const ctx = await requireMemberPage("apiTokens.manage");
  const tokens = await listApiTokens(ctx);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Let your other tools log observations, push metric readings and read adoption through the API. A token acts with your authority, limited to what you allow it, and stops working if you are no longer an admin."
      >
        <Link href="/settings/api-tokens/reference" className={buttonClass("secondary")}>
          API reference
        </Link>
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <section aria-labelledby="tokens-heading" className={card}>
          <h2 id="tokens-heading" className="mb-3 text-lg font-semibold">
            Tokens
          </h2>
          {tokens.length === 0 ? (
            <EmptyState>
              {ctx.orgName} has no API tokens yet. Make one below for the tool that should log observations or push
              readings, then read the API reference for what it can call.
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
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      {t.scopes.map((s) => SCOPE_LABELS[s as ApiScope] ?? s).join(", ")}
                    </p>
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
                  {t.state !== "revoked" && <RevokeTokenButton id={t.id} name={t.name} />}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="make-token-heading" className={card}>
          <h2 id="make-token-heading" className="mb-3 text-lg font-semibold">
            Make a token
          </h2>
          <div className="max-w-2xl">
            <ApiTokenForm />
          </div>
        </section>
      </div>
    </>
  );
}

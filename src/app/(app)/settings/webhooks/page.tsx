import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listWebhooks } from "@/lib/server/data/webhooks";
import { EVENT_LABELS, FORMAT_LABELS, type WebhookEventType } from "@/lib/domain/webhook-formats";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { LocalTime } from "@/components/ui/local-time";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { PrivateAddressesForm } from "@/components/webhooks/private-addresses-form";
import { DeliveryBadge } from "@/components/webhooks/status-badge";
import { EnableButton, TestEventButton } from "@/components/webhooks/webhook-controls";

export const metadata = { title: "Webhooks" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function WebhooksPage() {
  const ctx = await requireMemberPage("webhooks.manage");
  const list = await listWebhooks(ctx);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send recognitions, behaviour cues, reminders and digests to Slack, Microsoft Teams or any receiver of signed JSON (Standard Webhooks)."
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <section aria-labelledby="webhooks-heading" className={card}>
          <h2 id="webhooks-heading" className="mb-3 text-lg font-semibold">
            Webhooks
          </h2>
          {list.webhooks.length === 0 ? (
            <EmptyState>
              {ctx.orgName} sends nothing out yet. Add a webhook below: a Slack or Teams channel for a team, or your own
              receiver.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {list.webhooks.map((w) => (
                <li key={w.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0 space-y-1">
                    <p className="font-medium">
                      <TextLink href={`/settings/webhooks/${w.id}`}>{w.name}</TextLink>{" "}
                      {w.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
                    </p>
                    <p className="text-sm text-slate-600 dark:text-slate-400">
                      {FORMAT_LABELS[w.format]} · {w.teamName ? `${w.teamName}'s channel` : "all teams"} ·{" "}
                      {w.events.map((e) => EVENT_LABELS[e as WebhookEventType] ?? e).join(", ")}
                    </p>
                    {!w.enabled && w.disabledReason && (
                      <p className="text-sm text-red-700 dark:text-red-400">{w.disabledReason}</p>
                    )}
                    <p className="text-sm">
                      Last delivery:{" "}
                      {w.lastDelivery ? (
                        <>
                          <DeliveryBadge status={w.lastDelivery.status} /> <LocalTime iso={w.lastDelivery.at} />
                        </>
                      ) : (
                        "none yet"
                      )}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-start gap-2">
                    <TestEventButton id={w.id} name={w.name} />
                    <EnableButton id={w.id} name={w.name} enabled={w.enabled} />
                    <Link href={`/settings/webhooks/${w.id}`} className={buttonClass("ghost")}>
                      Edit and log<span className="sr-only"> of {w.name}</span>
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-webhook-heading" className={card}>
          <h2 id="add-webhook-heading" className="mb-3 text-lg font-semibold">
            Add a webhook
          </h2>
          <div className="max-w-2xl">
            <WebhookForm teams={list.teams} />
          </div>
        </section>
        <section aria-labelledby="private-heading" className={card}>
          <h2 id="private-heading" className="mb-3 text-lg font-semibold">
            Private addresses
          </h2>
          <PrivateAddressesForm allowed={list.allowPrivateWebhooks} />
        </section>
      </div>
    </>
  );
}

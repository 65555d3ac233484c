import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { orNotFound } from "@/lib/server/pages";
import { getWebhook, listDeliveries, listWebhooks } from "@/lib/server/data/webhooks";
import { EVENT_LABELS, type WebhookEventType } from "@/lib/domain/webhook-formats";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { LocalTime } from "@/components/ui/local-time";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { DeliveryBadge } from "@/components/webhooks/status-badge";
import {
  DeleteWebhookButton,
  EnableButton,
  RedeliverButton,
  RotateSecretButton,
  TestEventButton,
} from "@/components/webhooks/webhook-controls";

export const metadata = { title: "Webhook" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function WebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("webhooks.manage");
  const { id } = await params;
  const sp = await searchParams;
  const before = typeof sp.before === "string" ? sp.before : null;
  const [webhook, log, list] = await Promise.all([
    orNotFound(getWebhook(ctx, id)),
    orNotFound(listDeliveries(ctx, id, before)),
    listWebhooks(ctx),
  ]);
  return (
    <>
      <PageHeader title={webhook.name} description={webhook.url}>
        <Link href="/settings/webhooks" className={buttonClass("ghost")}>
          All webhooks
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <section aria-labelledby="state-heading" className={card}>
          <h2 id="state-heading" className="mb-3 text-lg font-semibold">
            {webhook.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
          </h2>
          {!webhook.enabled && webhook.disabledReason && (
            <p className="mb-3 text-sm text-red-700 dark:text-red-400">{webhook.disabledReason}</p>
          )}
          <div className="flex flex-wrap items-start gap-2">
            <TestEventButton id={webhook.id} name={webhook.name} />
            <EnableButton id={webhook.id} name={webhook.name} enabled={webhook.enabled} />
            <RotateSecretButton id={webhook.id} />
            <DeleteWebhookButton id={webhook.id} name={webhook.name} />
          </div>
        </section>
        <section aria-labelledby="log-heading" className={card}>
          <h2 id="log-heading" className="mb-3 text-lg font-semibold">
            Delivery log
          </h2>
          {log.items.length === 0 ? (
            <EmptyState>Nothing sent yet. Send a test event to check the receiver.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="p-2 font-medium">
                      Event
                    </th>
                    <th scope="col" className="p-2 font-medium">
                      Status
                    </th>
                    <th scope="col" className="p-2 font-medium">
                      Attempts
                    </th>
                    <th scope="col" className="p-2 font-medium">
                      Last answer
                    </th>
                    <th scope="col" className="p-2 font-medium">
                      Queued
                    </th>
                    <th scope="col" className="p-2 font-medium">
                      Last attempt
                    </th>
                    <th scope="col" className="p-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {log.items.map((d) => (
                    <tr key={d.id}>
                      <td className="p-2">{EVENT_LABELS[d.event as WebhookEventType] ?? d.event}</td>
                      <td className="p-2">
                        <DeliveryBadge status={d.status} />
                      </td>
                      <td className="p-2">{d.attempts}</td>
                      <td className="max-w-xs break-words p-2">
                        {d.lastError ?? (d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : "—")}
                      </td>
                      <td className="p-2">
                        <LocalTime iso={d.createdAt} />
                      </td>
                      <td className="p-2">{d.lastAttemptAt ? <LocalTime iso={d.lastAttemptAt} /> : "—"}</td>
                      <td className="p-2">{d.status === "FAILED" && <RedeliverButton id={d.id} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-3 flex gap-4 text-sm">
            {before && <TextLink href={`/settings/webhooks/${webhook.id}`}>Newest</TextLink>}
            {log.nextCursor && (
              <TextLink href={`/settings/webhooks/${webhook.id}?before=${encodeURIComponent(log.nextCursor)}`}>
                Older deliveries
              </TextLink>
            )}
          </p>
        </section>
        <section aria-labelledby="edit-heading" className={card}>
          <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
            Change webhook
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Sends: {webhook.events.map((e) => EVENT_LABELS[e as WebhookEventType] ?? e).join(", ")}.
          </p>
          <div className="max-w-2xl">
            <WebhookForm teams={list.teams} webhook={webhook} />
          </div>
        </section>
      </div>
    </>
  );
}

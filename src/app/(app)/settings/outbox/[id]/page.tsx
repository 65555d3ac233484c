import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { outboxMessage } from "@/lib/server/mail/outbox-read";
import { orNotFound } from "@/lib/server/pages";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { buttonClass } from "@/components/ui/button-class";
import { MailStatusBadge } from "@/components/mail/mail-status-badge";
import { formatInstant } from "@/lib/domain/date-instants";

export const metadata = { title: "Outbox message" };

/**
 * One message as it was (or would be) sent. The HTML part is shown in a sandboxed frame (no
 * scripts, no same-origin access, no forms or top navigation), and its source as text.
 */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMemberPage("notifications.manage");
  const m = await orNotFound(outboxMessage(ctx, (await params).id));
  return (
    <>
      <PageHeader title={m.subject} description={`To ${m.toAddress} · ${m.kind}`}>
        <Link href="/settings/outbox" className={buttonClass("ghost")}>
          Back to the outbox
        </Link>
      </PageHeader>
      <dl className="mb-6 grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Status</dt>
        <dd>
          <MailStatusBadge status={m.status} />
        </dd>
        <dt className="font-medium">Written</dt>
        <dd>{formatInstant(m.createdAt, m.timeZone)}</dd>
        {m.sentAt && (
          <>
            <dt className="font-medium">Sent</dt>
            <dd>{formatInstant(m.sentAt, m.timeZone)}</dd>
          </>
        )}
        <dt className="font-medium">Attempts</dt>
        <dd>{m.attempts}</dd>
        {m.lastError && (
          <>
            <dt className="font-medium">Last error</dt>
            <dd className="break-all">{m.lastError}</dd>
          </>
        )}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Headers">
          <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 font-mono text-xs">
            {m.headers.map((h) => (
              <div key={h.name} className="contents">
                <dt>{h.name}:</dt>
                <dd className="break-all">{h.value}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <Panel title="Text part">
          <pre aria-label="Text part" className="whitespace-pre-wrap break-words font-mono text-xs">
            {m.text}
          </pre>
        </Panel>
        <Panel title="HTML part">
          <iframe
            title="HTML part"
            sandbox=""
            srcDoc={m.html}
            referrerPolicy="no-referrer"
            className="h-[32rem] w-full rounded border border-slate-200 bg-white dark:border-slate-700"
          />
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-semibold">HTML source</summary>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">{m.html}</pre>
          </details>
        </Panel>
      </div>
    </>
  );
}

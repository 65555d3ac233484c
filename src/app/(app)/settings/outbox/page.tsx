import { RETENTION } from "@/lib/server/jobs/prune";
import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listOutbox } from "@/lib/server/mail/outbox-read";
import { smtpConfigured } from "@/lib/server/mail/transport";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";
import { MailStatusBadge } from "@/components/mail/mail-status-badge";
import { formatInstant } from "@/lib/domain/date-instants";

export const metadata = { title: "Outbox" };

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("notifications.manage");
  const after = (await searchParams).after;
  const page = await listOutbox(ctx, typeof after === "string" ? after : undefined);
  return (
    <>
      <PageHeader
        title="Outbox"
        description={`Every e-mail Conduct wrote for ${ctx.orgName}, sent or kept here, newest first. Messages are kept for ${RETENTION.mailDays} days.${smtpConfigured() ? "" : " This server has no SMTP server configured, so nothing leaves it."}`}
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      {page.rows.length === 0 ? (
        <EmptyState>
          No e-mail yet. Invite someone with their e-mail address in <TextLink href="/settings">Settings</TextLink> and
          the invitation appears here.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="p-3 font-medium">
                  Subject
                </th>
                <th scope="col" className="p-3 font-medium">
                  To
                </th>
                <th scope="col" className="p-3 font-medium">
                  Kind
                </th>
                <th scope="col" className="p-3 font-medium">
                  Status
                </th>
                <th scope="col" className="p-3 font-medium">
                  Written
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {page.rows.map((m) => (
                <tr key={m.id}>
                  <td className="p-3">
                    <TextLink href={`/settings/outbox/${m.id}`}>{m.subject}</TextLink>
                  </td>
                  <td className="p-3">{m.toAddress}</td>
                  <td className="p-3">{m.kind}</td>
                  <td className="p-3">
                    <MailStatusBadge status={m.status} />
                  </td>
                  <td className="p-3 whitespace-nowrap">{formatInstant(m.createdAt, page.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Outbox pages" className="mt-4 flex gap-2">
        {after && (
          <Link href="/settings/outbox" className={buttonClass("secondary")}>
            Newest
          </Link>
        )}
        {page.next && (
          <Link href={`/settings/outbox?after=${encodeURIComponent(page.next)}`} className={buttonClass("secondary")}>
            Older messages
          </Link>
        )}
      </nav>
    </>
  );
}

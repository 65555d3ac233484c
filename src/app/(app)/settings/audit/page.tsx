import Link from "next/link";
import { TextLink } from "@/components/ui/text-link";
import { requireMemberPage } from "@/lib/server/context";
import { auditActorOptions, listAuditEvents } from "@/lib/server/data/audit-trail";
import { auditQuery, parseAuditParams } from "@/lib/schemas/audit-trail";
import { AuditFilters } from "@/components/settings/audit-filters";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { LocalTime, ViewerTimeZone } from "@/components/ui/local-time";

export const metadata = { title: "Audit trail" };

const th = "p-3 font-medium";
const td = "p-3 align-top";

export default async function AuditTrailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("members.manage");
  const { filter, cursor } = parseAuditParams(await searchParams);
  const [page, actors] = await Promise.all([listAuditEvents(ctx, filter, cursor), auditActorOptions(ctx)]);
  const filtered = Boolean(auditQuery(filter));
  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Who did what in ${ctx.orgName}, newest first. The trail cannot be edited or deleted.`}
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Times are in your time zone, <ViewerTimeZone />; the date filters use the organisation&apos;s days (
        {ctx.timeZone}) and the CSV export gives each event&apos;s UTC instant and its day and time in {ctx.timeZone}.
      </p>
      <AuditFilters filter={filter} actors={actors} />
      {page.rows.length === 0 ? (
        <EmptyState>
          {filtered || cursor ? (
            <>
              No events match these filters. <TextLink href="/settings/audit">Clear the filters</TextLink>
            </>
          ) : (
            "No events recorded yet. Every sign-in, refusal and change will be listed here."
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <caption className="sr-only">Audit events</caption>
            <thead className="text-left text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className={th}>
                  When
                </th>
                <th scope="col" className={th}>
                  Actor
                </th>
                <th scope="col" className={th}>
                  Action
                </th>
                <th scope="col" className={th}>
                  Target
                </th>
                <th scope="col" className={th}>
                  Outcome
                </th>
                <th scope="col" className={th}>
                  IP
                </th>
                <th scope="col" className={th}>
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {page.rows.map((e) => (
                <tr key={e.id}>
                  <td className={`${td} whitespace-nowrap`}>
                    <LocalTime iso={e.at} />
                  </td>
                  <td className={td}>{e.actorName}</td>
                  <td className={`${td} font-mono text-xs`}>{e.action}</td>
                  <td className={td}>
                    {e.targetLabel ? (
                      <>
                        <span className="block text-xs text-slate-500 dark:text-slate-400">{e.targetLabel}</span>
                        <span className="break-words">{e.targetName}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={td}>{e.outcome}</td>
                  <td className={`${td} font-mono text-xs`}>{e.ip ?? "—"}</td>
                  <td className={`${td} max-w-md break-all font-mono text-xs`}>{e.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit pages" className="mt-4 flex gap-2">
        {cursor && (
          <Link
            href={`/settings/audit${filtered ? `?${auditQuery(filter)}` : ""}`}
            className={buttonClass("secondary")}
          >
            Newest events
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/settings/audit?${auditQuery(filter, { cursor: page.nextCursor })}`}
            className={buttonClass("secondary")}
          >
            Older events
          </Link>
        )}
      </nav>
    </>
  );
}

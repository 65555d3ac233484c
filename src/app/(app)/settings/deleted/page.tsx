import { requireMemberPage } from "@/lib/server/context";
import { listDeleted } from "@/lib/server/data/trash";
import { RESTORE_DAYS } from "@/lib/domain/trash";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { RestoreButton } from "@/components/settings/restore-button";
import { TextLink } from "@/components/ui/text-link";
import { formatAt } from "@/lib/domain/date-instants";

export const metadata = { title: "Deleted items" };

const KIND = { behaviour: "Behaviour", barrier: "Barrier", metric: "Metric" } as const;

export default async function DeletedPage() {
  const ctx = await requireMemberPage("members.manage");
  const items = await listDeleted(ctx);
  return (
    <>
      <TextLink href="/settings" className="text-sm">
        ← Settings
      </TextLink>
      <PageHeader
        title="Deleted items"
        description={`Behaviours, barriers and metrics deleted in the last ${RESTORE_DAYS} days. Restoring brings one back exactly as it was.`}
      />
      {items.length === 0 ? (
        <EmptyState>Nothing was deleted in the last {RESTORE_DAYS} days.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="deleted-items">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="p-2 font-medium">
                  Item
                </th>
                <th scope="col" className="p-2 font-medium">
                  Deleted
                </th>
                <th scope="col" className="p-2 font-medium">
                  Can be restored until
                </th>
                <th scope="col" className="p-2 font-medium">
                  <span className="sr-only">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {items.map((i) => (
                <tr key={`${i.type}:${i.id}`}>
                  <th scope="row" className="p-2 font-normal">
                    <span className="block text-xs text-slate-500 dark:text-slate-400">{KIND[i.type]}</span>
                    {i.title}
                  </th>
                  <td className="p-2">{formatAt(i.deletedAt, ctx.displayTimeZone, "dateTime")}</td>
                  <td className="p-2">{formatAt(i.restoreUntil, ctx.displayTimeZone, "dateTime")}</td>
                  <td className="p-2">
                    <RestoreButton type={i.type} id={i.id} title={i.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

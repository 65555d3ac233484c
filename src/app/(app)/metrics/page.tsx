import Link from "next/link";
import { TextLink } from "@/components/ui/text-link";
import { requireMemberPage } from "@/lib/server/context";
import { listMetrics } from "@/lib/server/data/metrics";
import { can } from "@/lib/domain/roles";
import { DeletedNotice } from "@/components/ui/deleted-notice";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { MetricTable } from "@/components/metrics/metric-table";

export const metadata = { title: "Metrics" };

export default async function MetricsPage({
  searchParams,
}: {
  searchParams: Promise<{ imported?: string; deleted?: string }>;
}) {
  const ctx = await requireMemberPage("dashboards.view");
  const { imported, deleted } = await searchParams;
  const metrics = await listMetrics(ctx);
  const manage = can(ctx.role, "metrics.manage", ctx.policy);
  return (
    <>
      <PageHeader
        title="Metrics"
        description="What the behaviours are meant to move. Customer outcomes first; each status says which rule produced it."
      >
        <div className="flex flex-wrap gap-2">
          <Link href="/metrics/audit" className={buttonClass("secondary")}>
            Metrics audit
          </Link>
          {metrics.length > 0 && (
            <a href="/metrics/export" className={buttonClass("ghost")} download>
              Export readings (CSV)
            </a>
          )}
          {manage && (
            <>
              <Link href="/metrics/import" className={buttonClass("secondary")}>
                Import readings
              </Link>
              <Link href="/metrics/new" className={buttonClass()}>
                New metric
              </Link>
            </>
          )}
        </div>
      </PageHeader>
      <DeletedNotice show={deleted === "1"} />
      {imported && /^\d+$/.test(imported) && (
        <p
          role="status"
          className="mb-4 rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Imported {imported} readings.
        </p>
      )}
      {metrics.length === 0 ? (
        <EmptyState>
          No metrics yet. Start with one customer outcome the behaviours are meant to move
          {manage ? (
            <>
              : <TextLink href="/metrics/new">define a metric</TextLink> with a target.
            </>
          ) : (
            "; a manager or leader defines it."
          )}
        </EmptyState>
      ) : (
        <MetricTable rows={metrics} />
      )}
    </>
  );
}

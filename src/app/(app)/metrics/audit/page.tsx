import { requireMemberPage } from "@/lib/server/context";
import { metricsAudit } from "@/lib/server/data/metrics";
import { PageHeader } from "@/components/ui/page-header";
import { AuditShare } from "@/components/metrics/audit-share";
import { formatShare } from "@/components/metrics/metric-labels";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Metrics audit" };

function CallOut({
  id,
  title,
  empty,
  items,
}: {
  id: string;
  title: string;
  empty: string;
  items: { id: string; name: string }[];
}) {
  return (
    <section
      aria-labelledby={id}
      className={`space-y-2 rounded-lg border p-4 ${items.length ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"}`}
    >
      <h2 id={id} className="font-semibold">
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="text-sm">{empty}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid={id}>
          {items.map((m) => (
            <li key={m.id}>
              <TextLink href={`/metrics/${m.id}`}>{m.name}</TextLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function MetricsAuditPage() {
  const ctx = await requireMemberPage("dashboards.view");
  const { summary: s, byMonth, noOwner, noBehaviour } = await metricsAudit(ctx);
  return (
    <div className="max-w-4xl space-y-6">
      <TextLink href="/metrics" className="text-sm">
        ← Metrics
      </TextLink>
      <PageHeader
        title="Metrics audit"
        description="Are we measuring what customers get, or only what we do? A programme run on internal process measures alone tends to optimise itself."
      />
      <p className="text-lg" data-testid="audit-summary">
        {s.total === 0 ? (
          "No metrics yet."
        ) : (
          <>
            <strong>{s.customer}</strong> of {s.total} metrics ({formatShare(s.customerShare)}) measure customer
            outcomes; {s.internal} measure internal processes.
          </>
        )}
      </p>
      <section
        aria-labelledby="by-month"
        className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="by-month" className="font-semibold">
          The last 12 months
        </h2>
        <AuditShare points={byMonth} />
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <CallOut id="no-owner" title="Metrics with no owner" empty="Every metric has an owner." items={noOwner} />
        <CallOut
          id="no-behaviour"
          title="Metrics with no linked behaviour"
          empty="Every metric names the behaviours meant to move it."
          items={noBehaviour}
        />
      </div>
    </div>
  );
}

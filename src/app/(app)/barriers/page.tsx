import { requireMemberPage } from "@/lib/server/context";
import { listBarriers } from "@/lib/server/data/barriers";
import { PRIORITY_FORMULA } from "@/lib/domain/barriers";
import { BARRIER_STATUS_LABELS, COMB_LABELS, DETERMINANT_LABELS } from "@/lib/domain/labels";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata = { title: "Barriers" };

export default async function BarriersPage() {
  const ctx = await requireMemberPage();
  const barriers = await listBarriers(ctx);
  return (
    <>
      <PageHeader title="Barriers" description={`What stops people doing the behaviours, highest priority first. Priority = ${PRIORITY_FORMULA}.`} />
      {barriers.length === 0 ? (
        <EmptyState>No barriers recorded yet.</EmptyState>
      ) : (
        <ol className="space-y-3">
          {barriers.map((b) => (
            <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-medium">{b.title}</h2>
                <span className="text-sm">
                  Priority <strong className="text-lg">{b.priority}</strong>{" "}
                  <span className="text-slate-500">
                    ({b.impact} × {b.reach} × {b.ease})
                  </span>
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{b.description}</p>
              <div className="mt-2 flex flex-wrap gap-1">
                <Badge tone="blue">{COMB_LABELS[b.comB] ?? b.comB}</Badge>
                <Badge>{DETERMINANT_LABELS[b.determinant] ?? b.determinant}</Badge>
                <Badge tone="amber">{BARRIER_STATUS_LABELS[b.status] ?? b.status}</Badge>
              </div>
              {(b.behaviourTitles.length > 0 || b.teamNames.length > 0) && (
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                  {b.behaviourTitles.join(", ")}
                  {b.teamNames.length > 0 && ` · ${b.teamNames.join(", ")}`}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

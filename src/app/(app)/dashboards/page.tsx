import { requireMemberPage } from "@/lib/server/context";
import { listMetrics } from "@/lib/server/data/metrics";
import { listCoverageGaps } from "@/lib/server/data/coverage";
import { COVERAGE_DAYS } from "@/lib/domain/coverage";
import Link from "next/link";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata = { title: "Dashboards" };

export default async function DashboardsPage() {
  const ctx = await requireMemberPage("dashboards.view");
  const [metrics, gaps] = await Promise.all([listMetrics(ctx), listCoverageGaps(ctx)]);
  return (
    <>
      <PageHeader title="Outcome metrics" description="Customer outcomes first: what the behaviours are meant to move, with the latest reading and target." />
      {metrics.length === 0 ? (
        <EmptyState>No metrics tracked yet.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="p-3 font-medium">Metric</th>
                <th scope="col" className="p-3 font-medium">Kind</th>
                <th scope="col" className="p-3 font-medium">Latest</th>
                <th scope="col" className="p-3 font-medium">Target</th>
                <th scope="col" className="p-3 font-medium">Owner</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {metrics.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="p-3 font-medium">{m.name}</th>
                  <td className="p-3">
                    <Badge tone={m.kind === "CUSTOMER_OUTCOME" ? "green" : "slate"}>{m.kind === "CUSTOMER_OUTCOME" ? "Customer outcome" : "Internal process"}</Badge>{" "}
                    <span className="text-xs text-slate-500">{m.timing === "LEADING" ? "leading" : "lagging"}</span>
                  </td>
                  <td className="p-3 tabular-nums">{m.latest ? `${m.latest.value.toLocaleString("en-GB", { maximumFractionDigits: 1 })} ${m.unit}` : "—"}</td>
                  <td className="p-3">{m.target ?? "—"}</td>
                  <td className="p-3">{m.ownerName ?? <span className="text-amber-700 dark:text-amber-400">No owner</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="mt-10" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading" className="text-lg font-semibold">Observer coverage</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Teams and active behaviours with no observation in the last {COVERAGE_DAYS} days. Unobserved behaviour is the first sign a programme is stalling.</p>
        {gaps.length === 0 ? (
          <EmptyState>Every team has observed every active behaviour in the last {COVERAGE_DAYS} days.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="coverage-gaps">
            {gaps.map((g) => (
              <li key={`${g.teamName}/${g.behaviourId}`} className="flex flex-wrap justify-between gap-2 p-3">
                <span>
                  <strong>{g.teamName}</strong> ·{" "}
                  <Link href={`/catalogue/${g.behaviourId}`} className="underline">
                    {g.behaviourTitle}
                  </Link>
                </span>
                <span className="text-slate-600 dark:text-slate-400">{g.lastDay ? `last observed ${g.lastDay}` : "never observed"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

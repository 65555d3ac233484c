import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { behaviourOutcome } from "@/lib/server/data/dashboards";
import { orNotFound } from "@/lib/server/pages";
import { filterQuery, parseDashboardFilter } from "@/lib/schemas/dashboards";
import { MIN_CORRELATION_WEEKS } from "@/lib/domain/correlation";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { OutcomeChart } from "@/components/dashboards/outcome-chart";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Behaviour → outcome" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function BehaviourOutcomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("dashboards.view");
  const sp = await searchParams;
  const filter = parseDashboardFilter(sp);
  const ids = { behaviour: first(sp.behaviour)?.slice(0, 40), metric: first(sp.metric)?.slice(0, 40) };
  const d = await orNotFound(behaviourOutcome(ctx, filter, ids));
  return (
    <>
      <PageHeader
        title="Behaviour → outcome"
        description="If teams do the behaviour, do customers get the outcome? The behaviour's adoption beside a metric it is meant to move."
      />
      <DashboardTabs current="/dashboards/behaviour" period={filter.period} />
      {d.behaviours.length === 0 ? (
        <EmptyState>
          No active behaviour is linked to a metric yet. Link behaviours to the metrics they are meant to move on a{" "}
          <Link href="/metrics" className="underline">
            metric&apos;s page
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <form
            method="get"
            action="/dashboards/behaviour"
            className="mb-2 flex flex-wrap items-end gap-3"
            aria-label="Choose a behaviour and a metric"
          >
            <input type="hidden" name="period" value={filter.period} />
            <div className="space-y-1">
              <label htmlFor="pick-behaviour" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                Behaviour
              </label>
              <select
                id="pick-behaviour"
                name="behaviour"
                defaultValue={d.behaviour?.id}
                className={`${inputClass} sm:w-auto`}
              >
                {d.behaviours.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="pick-metric" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                Metric
              </label>
              <select id="pick-metric" name="metric" defaultValue={d.metric?.id} className={`${inputClass} sm:w-auto`}>
                {d.metrics.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              Show
            </Button>
          </form>
          <DashboardFilters
            action="/dashboards/behaviour"
            filter={filter}
            show={["period"]}
            hidden={{ behaviour: d.behaviour?.id, metric: d.metric?.id }}
          />
          {d.behaviour && d.metric && (
            <div className="space-y-6">
              <OutcomeChart adoption={d.adoption} metric={d.metricWeekly} name={d.metric.name} unit={d.metric.unit} />
              <section aria-labelledby="corr-heading" className="space-y-2">
                <h2 id="corr-heading" className="text-lg font-semibold">
                  Correlation at lags of 0–8 weeks
                </h2>
                <p className="text-sm" role="note">
                  <strong>Correlation, not proof.</strong> Pearson&apos;s r between weekly adoption and the metric that
                  many weeks later, over the weeks where both exist. A strong r can come from a shared trend or a third
                  cause; weeks with fewer than {MIN_CORRELATION_WEEKS} pairs show no r.
                  {d.strongest &&
                    d.strongest.r !== null &&
                    ` Strongest: lag ${d.strongest.lag} week${d.strongest.lag === 1 ? "" : "s"}, r = ${d.strongest.r.toFixed(2)} over ${d.strongest.n} weeks.`}
                </p>
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
                  <table className="w-full text-left text-sm tabular-nums" data-testid="correlations">
                    <thead className="text-slate-600 dark:text-slate-400">
                      <tr>
                        <th scope="col" className="p-2 font-medium">
                          Lag (weeks)
                        </th>
                        <th scope="col" className="p-2 font-medium">
                          r
                        </th>
                        <th scope="col" className="p-2 font-medium">
                          Weeks behind it
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                      {d.correlations.map((c) => (
                        <tr
                          key={c.lag}
                          className={d.strongest?.lag === c.lag ? "bg-amber-50 dark:bg-amber-950/40" : undefined}
                        >
                          <td className="p-2">{c.lag}</td>
                          <td className="p-2">{c.r === null ? "too few weeks" : c.r.toFixed(2)}</td>
                          <td className="p-2">{c.n}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p className="text-sm">
                  <TextLink href={`/catalogue/${d.behaviour.id}`}>{d.behaviour.title}</TextLink> ·{" "}
                  <TextLink href={`/metrics/${d.metric.id}`}>{d.metric.name}</TextLink> ·{" "}
                  <Link href={`/dashboards?${filterQuery(filter)}`} className="underline">
                    Overview
                  </Link>
                </p>
              </section>
            </div>
          )}
        </>
      )}
    </>
  );
}

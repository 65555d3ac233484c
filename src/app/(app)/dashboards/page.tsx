import { requireMemberPage } from "@/lib/server/context";
import { currentDay, formatDayRange } from "@/lib/domain/dates";
import { organisationOverview } from "@/lib/server/data/dashboards";
import { noteFirstInsight } from "@/lib/server/data/onboarding";
import { parseDashboardFilter, PERIOD_LABELS } from "@/lib/schemas/dashboards";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { AdoptionTrend } from "@/components/dashboards/adoption-trend";
import { Heatmap } from "@/components/dashboards/heatmap";
import { HeatmapNote } from "@/components/dashboards/heatmap-note";
import { MetricTable } from "@/components/metrics/metric-table";
import { customerFirst } from "@/lib/domain/outcomes";
import { BarrierTable } from "@/components/barriers/barrier-table";
import { TextLink } from "@/components/ui/text-link";
import { overdueActions } from "@/lib/server/data/action-lists";
import { OverduePanel } from "@/components/actions/overdue-panel";
import { HiddenTeamsNote, SuppressedNotice } from "@/components/privacy/suppressed-notice";

export const metadata = { title: "Organisation overview" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("dashboards.view");
  const filter = parseDashboardFilter(await searchParams);
  const [o, overdue] = await Promise.all([organisationOverview(ctx, filter), overdueActions(ctx)]);
  // Adoption on screen is the first-run checklist's last step.
  if (o.trend.some((w) => w.opportunities > 0)) await noteFirstInsight(ctx);
  return (
    <>
      <PageHeader
        title="Organisation overview"
        description="Are the behaviours being adopted, what stands in their way, and are customers better off?"
      />
      <DashboardTabs current="/dashboards" period={filter.period} />
      <DashboardFilters action="/dashboards" filter={filter} options={o.options} />
      <div className="space-y-6">
        {o.trendSuppressed ? (
          <SuppressedNotice
            title="Adoption trend"
            reason={o.trendSuppressed}
            minGroupSize={o.heatmap.minGroupSize}
            testId="adoption-trend-suppressed"
          />
        ) : (
          <AdoptionTrend
            points={o.trend}
            description={`${PERIOD_LABELS[filter.period]}, all active behaviours in the selection.`}
          />
        )}
        {o.heatmap.behaviours.length === 0 || o.heatmap.teams.length === 0 ? (
          <EmptyState>
            No active behaviours or teams in this selection. A behaviour counts once it passes its video test:{" "}
            <TextLink href="/catalogue?status=IN_REVIEW">see what awaits review</TextLink>. Adoption is measured per
            team: <TextLink href="/teams">see the teams</TextLink>.
          </EmptyState>
        ) : (
          <div className="space-y-2">
            <HeatmapNote data={o.heatmap} filter={filter} />
            <HiddenTeamsNote
              hidden={o.heatmap.teams.filter((t) => t.suppressed).length}
              minGroupSize={o.heatmap.minGroupSize}
            />
            <Heatmap
              data={o.heatmap}
              period={PERIOD_LABELS[filter.period]}
              range={o.trend.length ? formatDayRange([o.trend[0]!.weekStart, currentDay(ctx.timeZone)]) : undefined}
            />
          </div>
        )}
        <section aria-labelledby="barriers-heading" className="space-y-2">
          <h2 id="barriers-heading" className="text-lg font-semibold">
            Top barriers
          </h2>
          {o.topBarriers.length === 0 ? (
            <EmptyState>
              No open, scored barriers in this selection. <TextLink href="/barriers">Score or record barriers</TextLink>{" "}
              to see what most gets in the way.
            </EmptyState>
          ) : (
            <BarrierTable rows={o.topBarriers} />
          )}
          <TextLink href="/barriers" className="text-sm">
            All barriers
          </TextLink>
        </section>
        <OverduePanel overdue={overdue} listHref="/actions?scope=all&overdue=1" />
        <section aria-labelledby="metrics-heading" className="space-y-2">
          <h2 id="metrics-heading" className="text-lg font-semibold">
            Metrics against targets
          </h2>
          {o.metrics.length === 0 ? (
            <EmptyState>
              No metrics tracked for this selection. <TextLink href="/metrics/new">Define a customer metric</TextLink>{" "}
              with a target to see whether customers are better off.
            </EmptyState>
          ) : (
            <MetricTable rows={customerFirst(o.metrics)} />
          )}
        </section>
      </div>
    </>
  );
}

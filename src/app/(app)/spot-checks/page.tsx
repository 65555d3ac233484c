import { requireMemberPage } from "@/lib/server/context";
import { listSpotChecks, spotCheckOptions } from "@/lib/server/data/spot-checks";
import { formatDay } from "@/lib/domain/dates";
import { HIGH_VOLUME, NEAR_FULL_ADOPTION } from "@/lib/domain/participation";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { SpotCheckForm } from "@/components/spot-checks/spot-check-form";
import { SpotCheckStatusBadge } from "@/components/spot-checks/status-badge";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";

export const metadata = { title: "Spot checks" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function SpotChecksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("dashboards.view");
  const sp = await searchParams;
  const before = first(sp.before)?.slice(0, 80) ?? null;
  const [page, options] = await Promise.all([listSpotChecks(ctx, { before }), spotCheckOptions(ctx)]);
  const canRequest = options.teams.length > 0;
  return (
    <>
      <PageHeader
        title="Spot checks"
        description={`Quotas can produce made-up observations. A spot check asks a second observer to log one behaviour in one team for a while (a week by default), so their rate can be set beside the team's own. Teams at ${Math.round(NEAR_FULL_ADOPTION * 100)}%+ adoption on ${HIGH_VOLUME}+ observations in 14 days are flagged for one on their page.`}
      />
      <DashboardTabs current="/spot-checks" />
      {page.rows.length === 0 ? (
        <EmptyState>
          {before ? (
            <>
              No older spot checks. <TextLink href="/spot-checks">Back to the newest</TextLink>
            </>
          ) : canRequest ? (
            "No spot checks yet. Request the first one below: choose a team, a behaviour and a second observer."
          ) : (
            "No spot checks yet. A leader, an admin or a manager of a team can request one."
          )}
        </EmptyState>
      ) : (
        <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="spot-checks">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="p-2 font-medium">
                  Behaviour
                </th>
                <th scope="col" className="p-2 font-medium">
                  Team
                </th>
                <th scope="col" className="p-2 font-medium">
                  Second observer
                </th>
                <th scope="col" className="p-2 font-medium">
                  Days
                </th>
                <th scope="col" className="p-2 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="p-2 font-normal">
                    <TextLink href={`/spot-checks/${r.id}`}>{r.behaviourTitle}</TextLink>
                  </th>
                  <td className="p-2">{r.teamName}</td>
                  <td className="p-2">{r.observerName}</td>
                  <td className="p-2">
                    {formatDay(r.startsOn)} – {formatDay(r.endsOn)}
                  </td>
                  <td className="p-2">
                    <SpotCheckStatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.nextCursor && (
            <p className="p-2 text-sm">
              Showing {page.rows.length}, newest first.{" "}
              <TextLink href={`/spot-checks?before=${encodeURIComponent(page.nextCursor)}`}>Older spot checks</TextLink>
            </p>
          )}
        </div>
      )}
      {canRequest && (
        <div className="max-w-3xl" id="request">
          <Panel title="Request a spot check">
            {options.behaviours.length === 0 ? (
              <p className="text-sm">
                No active behaviours to check yet: a behaviour becomes active once it passes its video test in the{" "}
                <TextLink href="/catalogue">catalogue</TextLink>.
              </p>
            ) : (
              <SpotCheckForm options={options} teamId={first(sp.team)} />
            )}
          </Panel>
        </div>
      )}
    </>
  );
}

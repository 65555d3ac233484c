import { can } from "@/lib/domain/roles";
import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { teamView } from "@/lib/server/data/dashboards";
import { orNotFound } from "@/lib/server/pages";
import { parseDashboardFilter, PERIOD_LABELS } from "@/lib/schemas/dashboards";
import { heatColour, MIN_RATE_OPPORTUNITIES } from "@/lib/domain/outcomes";
import { COVERAGE_DAYS } from "@/lib/domain/coverage";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";
import { DashboardFilters } from "@/components/dashboards/dashboard-filters";
import { AdoptionTrend } from "@/components/dashboards/adoption-trend";
import { BarrierTable } from "@/components/barriers/barrier-table";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { overdueActions } from "@/lib/server/data/action-lists";
import { OverduePanel } from "@/components/actions/overdue-panel";
import { teamParticipation } from "@/lib/server/data/participation";
import { maySpotCheck } from "@/lib/server/data/spot-checks";
import { ParticipationPanel } from "@/components/teams/participation-panel";
import { SuppressedNotice } from "@/components/privacy/suppressed-notice";
import { SUPPRESSION_TEXT } from "@/lib/domain/group-size";

export const metadata = { title: "Team view" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function TeamViewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("dashboards.view");
  const sp = await searchParams;
  const filter = parseDashboardFilter(sp);
  const t = await orNotFound(teamView(ctx, filter, first(sp.team)?.slice(0, 40)));
  const period = PERIOD_LABELS[filter.period];
  const [overdue, participation, spotCheck] = t.team
    ? await Promise.all([
        overdueActions(ctx, { teamId: t.team.id }),
        teamParticipation(ctx, t.team.id),
        maySpotCheck(ctx, t.team.id),
      ])
    : [null, null, false];
  return (
    <>
      <PageHeader
        title={t.team ? `Team view: ${t.team.name}` : "Team view"}
        description="For a team lead: the team's behaviours, adoption, open barriers, this week's observations and the gaps in coverage."
      />
      <DashboardTabs current="/dashboards/team" period={filter.period} />
      <form
        method="get"
        action="/dashboards/team"
        className="mb-2 flex flex-wrap items-end gap-3"
        aria-label="Choose a team"
      >
        <input type="hidden" name="period" value={filter.period} />
        <div className="space-y-1">
          <label htmlFor="pick-team" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
            Team
          </label>
          <select id="pick-team" name="team" defaultValue={t.team?.id} className={`${inputClass} sm:w-auto`}>
            {t.teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <DashboardFilters action="/dashboards/team" filter={filter} show={["period"]} hidden={{ team: t.team?.id }} />
      {!t.team ? (
        <EmptyState>
          No teams yet: adoption is measured per team.{" "}
          <TextLink href="/teams">
            {can(ctx.role, "teams.manage", ctx.policy) ? "Create a team" : "See the teams"}
          </TextLink>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {t.suppressed ? (
            <SuppressedNotice
              title={`${t.team.name}: adoption`}
              reason={t.suppressed}
              minGroupSize={t.minGroupSize}
              testId="team-suppressed"
            />
          ) : (
            <>
              <p
                className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
                data-testid="this-week"
              >
                This week (from {t.thisWeek.weekStart}):{" "}
                <strong className="text-lg tabular-nums">{t.thisWeek.opportunities}</strong> opportunities observed,{" "}
                {t.thisWeek.performed} performed.
              </p>
              <AdoptionTrend
                points={t.trend}
                title={`${t.team.name}: adoption trend`}
                description={`${period}, all active behaviours.`}
              />
              <section aria-labelledby="team-behaviours" className="space-y-2">
                <h2 id="team-behaviours" className="text-lg font-semibold">
                  Behaviours ({period.toLowerCase()})
                </h2>
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
                  <table className="w-full text-left text-sm tabular-nums">
                    <thead className="text-slate-600 dark:text-slate-400">
                      <tr>
                        <th scope="col" className="p-2 font-medium">
                          Behaviour
                        </th>
                        <th scope="col" className="p-2 text-right font-medium">
                          Adoption
                        </th>
                        <th scope="col" className="p-2 text-right font-medium">
                          Performed / opportunities
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                      {t.behaviours.map((b) => {
                        const { rate } = heatColour(b);
                        return (
                          <tr key={b.id}>
                            <th scope="row" className="p-2 font-normal">
                              <TextLink href={`/catalogue/${b.id}`}>{b.title}</TextLink>
                            </th>
                            <td className="p-2 text-right">
                              {rate === null ? (
                                <span className="text-slate-500 dark:text-slate-400">
                                  fewer than {MIN_RATE_OPPORTUNITIES}
                                </span>
                              ) : (
                                `${Math.round(rate * 100)}%`
                              )}
                            </td>
                            <td className="p-2 text-right">
                              {b.performed} / {b.opportunities}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
          {participation && (
            <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <ParticipationPanel
                data={participation}
                canSetTarget={can(ctx.role, "teams.manage", ctx.policy)}
                spotCheckHref={spotCheck ? `/spot-checks?team=${t.team.id}#request` : null}
              />
            </div>
          )}
          <section aria-labelledby="team-barriers" className="space-y-2">
            <h2 id="team-barriers" className="text-lg font-semibold">
              Open barriers
            </h2>
            {t.barriers.length === 0 ? (
              <EmptyState>
                No open barriers for this team. If something gets in the way of a behaviour,{" "}
                <TextLink href="/barriers/new">record it as a barrier</TextLink>.
              </EmptyState>
            ) : (
              <BarrierTable rows={t.barriers} />
            )}
          </section>
          {overdue && <OverduePanel overdue={overdue} listHref={`/actions?scope=team&team=${t.team.id}&overdue=1`} />}
          <section aria-labelledby="team-gaps" className="space-y-2">
            <h2 id="team-gaps" className="text-lg font-semibold">
              Coverage gaps
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Active behaviours this team has not observed in the last {COVERAGE_DAYS} days.
            </p>
            {t.suppressed ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{SUPPRESSION_TEXT[t.suppressed]}.</p>
            ) : t.gaps.length === 0 ? (
              <EmptyState>Every active behaviour was observed in the last {COVERAGE_DAYS} days.</EmptyState>
            ) : (
              <ul
                className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
                data-testid="coverage-gaps"
              >
                {t.gaps.map((g) => (
                  <li key={g.behaviourId} className="flex flex-wrap justify-between gap-2 p-3">
                    <Link href={`/catalogue/${g.behaviourId}`} className="underline">
                      {g.behaviourTitle}
                    </Link>
                    <span className="text-slate-600 dark:text-slate-400">
                      {g.lastDay ? `last observed ${g.lastDay}` : "never observed"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}

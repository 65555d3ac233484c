import { requireMemberPage } from "@/lib/server/context";
import { recognitionAnalytics } from "@/lib/server/data/recognition-analytics";
import { parseDashboardFilter, PERIOD_LABELS, PERIODS } from "@/lib/schemas/dashboards";
import { currentDay, formatDay, lastWeeks } from "@/lib/domain/dates";
import { shareOf } from "@/lib/domain/recognition";
import { SUPPRESSION_TEXT, tooFewPeopleReason } from "@/lib/domain/group-size";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { RecognitionCharts } from "@/components/recognition/recognition-charts";

export const metadata = { title: "Recognition analytics" };

const pct = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

/**
 * For managers: what the organisation recognises, where, and how widely. Counts per behaviour and
 * per team, and the share of people who took part; never a ranking of individuals.
 */
export default async function RecognitionAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("dashboards.view");
  const { period: key } = parseDashboardFilter(await searchParams);
  const period = lastWeeks(currentDay(ctx.timeZone), PERIODS[key], ctx.weekStartsOn);
  const a = await recognitionAnalytics(ctx, period);
  return (
    <>
      <TextLink href="/recognition" className="text-sm">
        ← Recognition
      </TextLink>
      <PageHeader
        title="Recognition analytics"
        description={`${PERIOD_LABELS[key]} (${formatDay(period.from)} – ${formatDay(period.to)}): which behaviours are recognised, in which teams, and how many people take part. No one is ranked.`}
      />
      <nav aria-label="Period" className="mb-4 flex flex-wrap gap-3 text-sm">
        {Object.keys(PERIODS).map((p) => (
          <TextLink key={p} href={`/recognition/analytics?period=${p}`} aria-current={p === key ? "page" : undefined}>
            {PERIOD_LABELS[p as keyof typeof PERIODS]}
          </TextLink>
        ))}
      </nav>
      {a.total === 0 ? (
        <EmptyState>
          No recognition in this period. Recognitions appear here as people{" "}
          <TextLink href="/recognition#recognise">thank a colleague or a team</TextLink> for a specific act.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <Panel title="Who takes part">
            {a.people.hidden ? (
              <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="people-share">
                The organisation has fewer than {a.minGroupSize} active people: shares are not shown, as they would name
                people.
              </p>
            ) : (
              <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="people-share">
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">Gave at least one</dt>
                  <dd className="text-lg font-semibold tabular-nums">{pct(shareOf(a.people.gave, a.people.active))}</dd>
                </div>
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">
                    Received at least one (themselves or their team)
                  </dt>
                  <dd className="text-lg font-semibold tabular-nums">
                    {pct(shareOf(a.people.received, a.people.active))}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600 dark:text-slate-400">Gave or received</dt>
                  <dd className="text-lg font-semibold tabular-nums">
                    {pct(shareOf(a.people.gaveOrReceived, a.people.active))} of {a.people.active} active people
                  </dd>
                </div>
              </dl>
            )}
          </Panel>
          <RecognitionCharts data={a} />
          <Panel title="By team">
            <p className="text-xs text-slate-600 dark:text-slate-400">{tooFewPeopleReason(a.minGroupSize)}</p>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="team-breakdown">
                <thead className="text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1 font-medium">
                      Team
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Received
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Given by its people
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {a.byTeam.map((t) => (
                    <tr key={t.teamId}>
                      <td className="py-1.5">
                        <TextLink href={`/teams/${t.teamId}`}>{t.name}</TextLink>
                      </td>
                      {t.hidden ? (
                        <td colSpan={2} className="py-1.5 text-slate-600 dark:text-slate-400">
                          {SUPPRESSION_TEXT[t.reason]}
                        </td>
                      ) : (
                        <>
                          <td className="py-1.5 tabular-nums">{t.received}</td>
                          <td className="py-1.5 tabular-nums">{t.given}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
        </div>
      )}
    </>
  );
}

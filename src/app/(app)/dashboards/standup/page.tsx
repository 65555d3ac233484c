import { requireMemberPage } from "@/lib/server/context";
import { standup } from "@/lib/server/data/dashboards";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { DashboardTabs } from "@/components/dashboards/dashboard-tabs";
import { MetricTable } from "@/components/metrics/metric-table";
import { customerFirst } from "@/lib/domain/outcomes";
import { currentDay, formatDay, lastDays } from "@/lib/domain/dates";
import { recognitionsIn } from "@/lib/server/data/recognition";
import { RecognitionWins } from "@/components/recognition/recognition-wins";
import { CustomerStoryForm } from "@/components/dashboards/customer-story-form";
import { TextLink } from "@/components/ui/text-link";
import { PickStoryForm } from "@/components/feedback/pick-story-form";
import { recentStories } from "@/lib/server/data/customer-stories";
import { portfolioStandup } from "@/lib/server/data/rituals";
import { can } from "@/lib/domain/roles";

export const metadata = { title: "Portfolio standup" };

/** The wins' window, as for the adoption rises: the last four weeks. */
const WINS_DAYS = 28;

/** One screen to run the recurring cross-team meeting. */
export default async function StandupPage() {
  const ctx = await requireMemberPage("dashboards.view");
  const today = currentDay(ctx.timeZone);
  const [s, candidates, recognised, ritual] = await Promise.all([
    standup(ctx),
    recentStories(ctx, { candidates: true, limit: 5 }),
    recognitionsIn(ctx, lastDays(today, WINS_DAYS)),
    portfolioStandup(ctx, today),
  ]);
  return (
    <>
      <PageHeader
        title="Portfolio standup"
        description="Wins, blockers, customer metrics off track, and one customer's story: the agenda of the recurring cross-team meeting."
      />
      <DashboardTabs current="/dashboards/standup" />
      {/* The meeting itself is the portfolio standup ritual: its agenda, notes, decisions and actions. */}
      <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900" data-testid="standup-ritual">
        {ritual ? (
          ritual.meetingId && ritual.meetingDate ? (
            <>
              This is the overview; the meeting runs from its agenda:{" "}
              <TextLink href={`/rituals/meetings/${ritual.meetingId}`}>
                {ritual.title}, {formatDay(ritual.meetingDate)}
              </TextLink>
              .
            </>
          ) : (
            <>
              This is the overview; the meeting runs from its agenda:{" "}
              <TextLink href={`/rituals/${ritual.id}`}>open the next {ritual.title} agenda</TextLink>.
            </>
          )
        ) : can(ctx.role, "rituals.manage", ctx.policy) ? (
          <>
            Run this meeting as a ritual, with an agenda, notes, decisions and actions that carry forward:{" "}
            <TextLink href="/rituals/new?kind=PORTFOLIO_STANDUP">schedule the portfolio standup</TextLink>.
          </>
        ) : (
          "No portfolio standup ritual is scheduled yet."
        )}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="wins" title="Wins: biggest adoption rises">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            The last 4 weeks against the 4 before, behaviours with at least 5 opportunities on each side.
          </p>
          {s.wins.length === 0 ? (
            <EmptyState>
              No behaviour rose in the last four weeks (or none has 5 opportunities on each side yet). Wins appear as
              teams <TextLink href="/log">log observations</TextLink>.
            </EmptyState>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="wins">
              {s.wins.map((w) => (
                <li key={w.behaviourId} className="flex flex-wrap justify-between gap-2">
                  <TextLink href={`/catalogue/${w.behaviourId}`}>{w.title}</TextLink>
                  <span className="tabular-nums">
                    {Math.round(w.before * 100)}% → {Math.round(w.after * 100)}%{" "}
                    <strong>(+{w.changePts} points)</strong>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel id="recognised-wins" title="Wins: recognised behaviours">
          <RecognitionWins {...recognised} period={`the last ${WINS_DAYS} days`} moreHref="/recognition" />
        </Panel>
        <Panel id="blockers" title="Blockers: barriers at risk">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Open barriers with priority 40 or more that no started intervention is working on.
          </p>
          {s.blockers.length === 0 ? (
            <EmptyState>
              No high-priority barrier is waiting for an intervention.{" "}
              <TextLink href="/barriers">See every barrier</TextLink>
            </EmptyState>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="blockers">
              {s.blockers.map((b) => (
                <li key={b.id}>
                  <TextLink href={`/barriers/${b.id}`}>{b.title}</TextLink>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{b.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
      <div className="mt-4 space-y-4">
        <Panel id="off-track" title="Customer metrics off track or at risk">
          {s.offTrack.length === 0 && s.customerMetricsJudged === 0 ? (
            <EmptyState>
              No customer-outcome metric has a target and readings yet, so nothing can be on or off track.{" "}
              <TextLink href="/metrics/new">Define a customer metric with a target</TextLink>, then record its readings.
            </EmptyState>
          ) : s.offTrack.length === 0 ? (
            <EmptyState>Every customer-outcome metric with a target is on track.</EmptyState>
          ) : (
            <MetricTable rows={customerFirst(s.offTrack)} />
          )}
        </Panel>
        <Panel id="story" title="Customer story">
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-6">
              {candidates.length > 0 ? (
                <PickStoryForm candidates={candidates} />
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Nothing customers said is recorded yet to pick from:{" "}
                  <TextLink href="/feedback/new">record what a customer said</TextLink>, or tell a new story here.
                </p>
              )}
              <div>
                <h3 className="mb-2 text-sm font-semibold">…or record a new story</h3>
                <CustomerStoryForm today={today} />
              </div>
            </div>
            <div>
              <h3 className="text-sm font-semibold">Told at recent meetings</h3>
              {s.stories.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">None yet.</p>
              ) : (
                <ul className="mt-2 space-y-3 text-sm" data-testid="stories">
                  {s.stories.map((st) => (
                    <li key={st.id}>
                      <p className="whitespace-pre-line">{st.story}</p>
                      <p className="text-xs text-slate-500 dark:text-slate-400">
                        {st.meetingDate} · {st.authorName}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Panel>
      </div>
    </>
  );
}

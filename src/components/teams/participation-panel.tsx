import { formatDay, formatShortDay } from "@/lib/domain/dates";
import { formatAgainstTarget, formatParticipation, PARTICIPATION_DAYS, TREND_WEEKS } from "@/lib/domain/participation";
import { BURST_MIN, STREAK_MIN } from "@/lib/domain/honesty";
import type { TeamParticipationDto } from "@/lib/server/data/participation";
import type { HonestySignalsDto } from "@/lib/server/data/honesty";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { SuppressedNotice } from "@/components/privacy/suppressed-notice";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const muted = "text-slate-600 dark:text-slate-400";

function HonestySignals({ honesty }: { honesty: HonestySignalsDto }) {
  const none = honesty.streaks === 0 && honesty.bursts === 0;
  return (
    <div className="space-y-1 text-sm" data-testid="honesty-signals">
      <h3 className="font-medium">Honesty guard, last {honesty.windowDays} days</h3>
      <p className={muted}>
        {none
          ? `No long runs of “performed” (${STREAK_MIN}+ in a row) and no bursts (${BURST_MIN}+ entries within a minute) among this team's members.`
          : `Among this team's members: ${plural(honesty.streaks, "long run", "long runs")} of “performed” (${STREAK_MIN}+ in a row, no miss) and ${plural(honesty.bursts, "burst", "bursts")} (${BURST_MIN}+ entries within a minute). A signal is a reason to talk, not proof.`}
      </p>
      {honesty.flags && honesty.flags.length > 0 && (
        <ul className="list-disc pl-5">
          {honesty.flags.map((f, i) => (
            <li key={i}>
              <Badge tone="amber">{f.kind === "streak" ? "Streak" : "Burst"}</Badge> {f.observerName}:{" "}
              {f.kind === "streak" ? `${f.count} “performed” in a row` : `${f.count} entries within a minute`},{" "}
              <time dateTime={f.from}>{f.span}</time>
            </li>
          ))}
        </ul>
      )}
      {honesty.flags && <TextLink href="/log/honesty">Open the honesty guard</TextLink>}
    </div>
  );
}

/**
 * A team's target, participation and their 8-week trend, with the honesty guard's signals beside
 * them and the spot-check flag: shown on the team page and on the team dashboard.
 */
export function ParticipationPanel({
  data,
  spotCheckHref,
  canSetTarget,
}: {
  data: TeamParticipationDto;
  /** Where to request a spot check, when the reader may. */
  spotCheckHref: string | null;
  canSetTarget: boolean;
}) {
  const { target } = data;
  return (
    <section aria-labelledby="participation" className="space-y-3" data-testid="participation">
      <h2 id="participation" className="text-lg font-semibold">
        Participation
      </h2>
      <TargetLine target={target} teamId={data.teamId} canSetTarget={canSetTarget} />
      {data.suppressed ? (
        <>
          <SuppressedNotice
            reason={data.suppressed}
            minGroupSize={data.minGroupSize}
            testId="participation-suppressed"
          />
          {data.honesty && <HonestySignals honesty={data.honesty} />}
        </>
      ) : (
        <Figures data={data} spotCheckHref={spotCheckHref} />
      )}
    </section>
  );
}

function TargetLine({
  target,
  teamId,
  canSetTarget,
}: {
  target: number | null;
  teamId: string;
  canSetTarget: boolean;
}) {
  return (
    <p className="text-sm">
      {target === null ? (
        <>
          No weekly observation target yet.
          {canSetTarget ? (
            <>
              {" "}
              Set one in the <TextLink href={`/teams/${teamId}`}>team&apos;s settings</TextLink>.
            </>
          ) : (
            " Those who manage teams can set one."
          )}
        </>
      ) : (
        <>
          Target: <strong>{target}</strong> observations a week.
        </>
      )}
    </p>
  );
}

function Figures({
  data,
  spotCheckHref,
}: {
  data: Extract<TeamParticipationDto, { suppressed: null }>;
  spotCheckHref: string | null;
}) {
  const { current, window, weeks, flag } = data;
  return (
    <>
      <p className="text-sm" data-testid="participation-rate">
        Last {PARTICIPATION_DAYS} days ({formatDay(window.from)} – {formatDay(window.to)}):{" "}
        <strong>{formatParticipation(current)}</strong> logged at least one observation.
      </p>
      <p className={`text-sm ${muted}`} data-testid="anonymous-entries">
        {data.unattributedEntries === 0
          ? "No anonymous entries in these days."
          : `${plural(data.unattributedEntries, "anonymous entry", "anonymous entries")} in these days: they have no observer, so they are not counted per person.`}{" "}
        Measured against the team&apos;s members today; a batch counts each opportunity it holds.
      </p>
      {flag && (
        <div
          className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
          data-testid="spot-check-flag"
        >
          <p>
            <Badge tone="amber">Worth a spot check</Badge> {flag.reason}
          </p>
          {spotCheckHref && <TextLink href={spotCheckHref}>Request a spot check</TextLink>}
        </div>
      )}
      <HonestySignals honesty={data.honesty} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm tabular-nums" data-testid="participation-trend">
          <caption className={`mb-1 text-left ${muted}`}>
            The last {TREND_WEEKS} weeks: observations against the target, and participation over the{" "}
            {PARTICIPATION_DAYS} days ending each week (the current week so far).
          </caption>
          <thead className={muted}>
            <tr>
              <th scope="col" className="py-1 font-medium">
                Week of
              </th>
              <th scope="col" className="py-1 font-medium">
                Observations
              </th>
              <th scope="col" className="py-1 font-medium">
                Participation
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row" className="py-1 font-normal">
                  {formatShortDay(w.weekStart)}
                </th>
                <td className="py-1">{formatAgainstTarget(w.observations, w.target)}</td>
                <td className="py-1">{formatParticipation(w.participation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {spotCheckHref && !flag && (
        <p className="text-sm">
          Want a second pair of eyes? <TextLink href={spotCheckHref}>Request a spot check</TextLink>
        </p>
      )}
    </>
  );
}

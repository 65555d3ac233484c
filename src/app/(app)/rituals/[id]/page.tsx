import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getRitual } from "@/lib/server/data/rituals";
import { orNotFound } from "@/lib/server/pages";
import { currentDay, formatDay, isIsoDate } from "@/lib/domain/dates";
import { archiveRitualAction, restoreRitualAction } from "@/lib/actions/rituals";
import { buttonClass } from "@/components/ui/button-class";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { Badge } from "@/components/ui/badge";
import { OpenMeetingForm } from "@/components/rituals/open-meeting-form";
import { PostButton } from "@/components/rituals/ritual-buttons";

export const metadata = { title: "Ritual" };

export default async function RitualPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const [{ id }, { before }] = await Promise.all([params, searchParams]);
  const ctx = await requireMemberPage();
  const today = currentDay(ctx.timeZone);
  const r = await orNotFound(getRitual(ctx, id, { before: before && isIsoDate(before) ? before : undefined }, today));
  const oldest = r.occurrences.at(-1)?.date;
  return (
    <article className="max-w-4xl space-y-5">
      <TextLink href="/rituals" className="text-sm">
        ← Rituals
      </TextLink>
      <header className="space-y-2">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          {r.kindLabel}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{r.title}</h1>
          {r.archived && <Badge>Archived</Badge>}
        </div>
        <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-300">{r.purpose}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {r.scopeName} · {r.schedule} · facilitated by {r.facilitatorName}
          {r.participantNames.length > 0 && <> · with {r.participantNames.join(", ")}</>}
        </p>
        {r.canManage && (
          <div className="flex flex-wrap gap-2">
            {!r.archived && (
              <Link href={`/rituals/${r.id}/edit`} className={buttonClass("secondary")}>
                Edit
              </Link>
            )}
            {r.archived ? (
              <PostButton action={restoreRitualAction} fields={{ ritualId: r.id }} label="Restore" />
            ) : (
              <PostButton
                action={archiveRitualAction}
                fields={{ ritualId: r.id }}
                label="Archive"
                confirm="Archive this ritual? Its meetings, decisions and actions are kept."
              />
            )}
          </div>
        )}
      </header>
      {r.canRun && (
        <Panel title="Next meeting">
          <OpenMeetingForm ritualId={r.id} upcoming={r.upcoming} today={today} />
        </Panel>
      )}
      <Panel title="Meetings">
        {r.occurrences.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {before
              ? "No earlier meetings."
              : r.canRun
                ? "No meeting yet. Open the agenda of the next one above: it gathers the team's figures for you."
                : `No meeting yet. ${r.facilitatorName} opens the first agenda.`}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="meetings">
            {r.occurrences.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <TextLink href={`/rituals/meetings/${o.id}`}>{formatDay(o.date)}</TextLink>
                <span className="text-slate-600 dark:text-slate-400">
                  {o.cancelled ? "Cancelled" : o.held ? "Held" : o.date < today ? "Not marked held" : "Planned"}
                  {" · "}
                  {o.decisions} {o.decisions === 1 ? "decision" : "decisions"} · {o.openActions} open{" "}
                  {o.openActions === 1 ? "action" : "actions"}
                </span>
              </li>
            ))}
          </ul>
        )}
        {(r.moreOccurrences || before) && (
          <p className="mt-3 flex gap-4 text-sm">
            {before && <TextLink href={`/rituals/${r.id}`}>Latest meetings</TextLink>}
            {r.moreOccurrences && oldest && (
              <TextLink href={`/rituals/${r.id}?before=${oldest}`}>Earlier meetings</TextLink>
            )}
          </p>
        )}
      </Panel>
    </article>
  );
}

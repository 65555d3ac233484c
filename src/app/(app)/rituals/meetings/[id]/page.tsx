import { requireMemberPage } from "@/lib/server/context";
import { getOccurrence } from "@/lib/server/data/occurrence-view";
import { barrierOptions } from "@/lib/server/data/barriers";
import { actionOptions } from "@/lib/server/data/actions";
import { decisionFormOptions } from "@/lib/server/data/decisions";
import { ActionForm } from "@/components/actions/action-form";
import { DecisionForm } from "@/components/decisions/decision-form";
import { can } from "@/lib/domain/roles";
import { orNotFound } from "@/lib/server/pages";
import { formatDay } from "@/lib/domain/dates";
import {
  cancelOccurrenceAction,
  markHeldAction,
  moveAgendaItemAction,
  removeAgendaItemAction,
  reopenOccurrenceAction,
} from "@/lib/actions/rituals";
import { buttonClass } from "@/components/ui/button-class";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { PrintButton } from "@/components/catalogue/print-button";
import { PostButton } from "@/components/rituals/ritual-buttons";
import { AgendaNotes } from "@/components/rituals/agenda-notes";
import { AgendaAddItem } from "@/components/rituals/agenda-add-item";
import { StoryChooser } from "@/components/rituals/story-chooser";
import { ActionList, AgendaSectionContent } from "@/components/rituals/agenda-section";

export const metadata = { title: "Meeting" };

/** One meeting of a ritual: its agenda built from the period's data, notes, decisions and actions. */
export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  const o = await orNotFound(getOccurrence(ctx, id));
  // A clinic turns pain points into barriers, for those who record barriers.
  const clinic =
    o.canTakeNotes && o.items.some((i) => i.section === "PAIN_POINTS") && can(ctx.role, "barriers.manage", ctx.policy)
      ? { options: await barrierOptions(ctx), occurrenceId: o.id, teamIds: [] }
      : undefined;
  // Decisions and actions are recorded during or after the meeting, by those in it.
  const [decisionOptions, actionFormOptions] = await Promise.all([
    o.canTakeNotes && can(ctx.role, "decisions.record", ctx.policy) ? decisionFormOptions(ctx) : null,
    o.canTakeNotes ? actionOptions(ctx) : null,
  ]);
  const status = o.cancelled ? "Cancelled" : o.held ? "Held" : "Planned";
  return (
    <article className="max-w-4xl space-y-5">
      <nav className="flex flex-wrap justify-between gap-2 text-sm print:hidden" aria-label="Meetings of this ritual">
        <TextLink href={`/rituals/${o.ritualId}`}>← {o.ritualTitle}</TextLink>
        <span className="flex gap-4">
          {o.previous && <TextLink href={`/rituals/meetings/${o.previous.id}`}>Previous meeting</TextLink>}
          {o.next && <TextLink href={`/rituals/meetings/${o.next.id}`}>Next meeting</TextLink>}
        </span>
      </nav>
      <header className="space-y-2">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          {o.kindLabel} · {o.scopeName}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {o.ritualTitle}: {formatDay(o.date)}
          </h1>
          <Badge tone={o.held ? "green" : o.cancelled ? "slate" : "blue"}>{status}</Badge>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Covers {formatDay(o.periodStart)} to {formatDay(o.periodEnd)}, since the previous meeting · facilitated by{" "}
          {o.facilitatorName}
        </p>
        <div className="flex flex-wrap items-start gap-2 print:hidden">
          <PrintButton label="Print agenda" />
          <a href={`/rituals/meetings/${o.id}/agenda.md`} className={buttonClass("secondary")} download>
            Download as Markdown
          </a>
          {o.canRun && !o.held && (
            <PostButton
              action={markHeldAction}
              fields={{ occurrenceId: o.id }}
              label="Mark as held"
              variant="primary"
            />
          )}
          {o.canRun && o.held && (
            <PostButton action={reopenOccurrenceAction} fields={{ occurrenceId: o.id }} label="Not held after all" />
          )}
          {o.canRun && !o.held && (
            <PostButton
              action={cancelOccurrenceAction}
              fields={{ occurrenceId: o.id }}
              label="Cancel meeting"
              variant="danger"
              confirm="Cancel this meeting? Its open actions carry to the next one."
            />
          )}
        </div>
      </header>

      <ol className="space-y-4" aria-label="Agenda">
        {o.items.map((item, i) => (
          <li
            key={item.id}
            className="space-y-3 rounded-lg border border-slate-200 p-4 break-inside-avoid dark:border-slate-800"
            data-testid="agenda-item"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="text-base font-semibold">
                {i + 1}. {item.title}
              </h2>
              {o.canRun && (
                <div className="flex flex-wrap gap-1 print:hidden">
                  {i > 0 && (
                    <PostButton
                      action={moveAgendaItemAction}
                      fields={{ itemId: item.id, direction: "up" }}
                      label={`Move “${item.title}” up`}
                    />
                  )}
                  {i < o.items.length - 1 && (
                    <PostButton
                      action={moveAgendaItemAction}
                      fields={{ itemId: item.id, direction: "down" }}
                      label={`Move “${item.title}” down`}
                    />
                  )}
                  {item.section !== "CARRIED_ACTIONS" && (
                    <PostButton
                      action={removeAgendaItemAction}
                      fields={{ itemId: item.id }}
                      label={`Remove “${item.title}”`}
                      variant="danger"
                    />
                  )}
                </div>
              )}
            </div>
            {item.prompt && <p className="text-sm italic">{item.prompt}</p>}
            <AgendaSectionContent item={item} content={o.content} clinic={clinic} />
            {item.section === "CUSTOMER_STORY" && o.canTakeNotes && o.content.stories.length > 0 && (
              <StoryChooser itemId={item.id} storyId={item.storyId} stories={o.content.stories} />
            )}
            {o.canTakeNotes ? (
              <AgendaNotes
                itemId={item.id}
                version={item.version}
                notes={item.notes}
                label={`Notes on ${item.title}`}
              />
            ) : null}
            {item.notes && (
              <p className={`text-sm whitespace-pre-line ${o.canTakeNotes ? "hidden print:block" : ""}`}>
                {item.notes}
              </p>
            )}
          </li>
        ))}
      </ol>

      {o.canRun && (
        <Panel title="Add an item">
          <AgendaAddItem occurrenceId={o.id} />
        </Panel>
      )}

      <Panel title="Decisions">
        {o.decisions.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No decision recorded at this meeting.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="meeting-decisions">
            {o.decisions.map((d) => (
              <li key={d.id}>
                <TextLink href={`/decisions/${d.id}`}>{d.title}</TextLink>
                {d.status === "DRAFT" && (
                  <>
                    {" "}
                    <Badge tone="amber">Draft: anchor questions unanswered</Badge>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {decisionOptions && (
          <details className="mt-3 print:hidden">
            <summary className="cursor-pointer text-sm font-semibold">Record a decision</summary>
            <div className="mt-3">
              <DecisionForm
                mode="create"
                occurrenceId={o.id}
                teamId={o.teamId ?? undefined}
                options={decisionOptions}
              />
            </div>
          </details>
        )}
      </Panel>

      <Panel title="Actions agreed">
        {o.actions.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No action agreed at this meeting yet. Each action gets an owner and a date, and comes back on the next
            agenda until it is closed.
          </p>
        ) : (
          <ActionList actions={o.actions} label="Actions agreed at this meeting" />
        )}
        {actionFormOptions && (
          <section className="mt-4 space-y-2 print:hidden" aria-label="Add an action">
            <h3 className="text-sm font-semibold">Add an action</h3>
            <ActionForm mode="create" occurrenceId={o.id} options={actionFormOptions} />
          </section>
        )}
      </Panel>
    </article>
  );
}

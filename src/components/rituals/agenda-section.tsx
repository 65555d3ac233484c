import type { AgendaActionDto, AgendaContentDto, AgendaFeedbackDto } from "@/lib/schemas/agenda";
import { SUPPRESSION_TEXT } from "@/lib/domain/group-size";
import type { AgendaItemDto } from "@/lib/schemas/rituals";
import { formatDay } from "@/lib/domain/dates";
import { TextLink } from "@/components/ui/text-link";
import { Badge } from "@/components/ui/badge";
import { TurnIntoBarrier } from "@/components/feedback/turn-into-barrier";
import type { BarrierOptionsDto } from "@/lib/schemas/barriers";

/** What the clinic needs to turn a pain point into a barrier: given to those who may record one. */
export interface ClinicTools {
  options: BarrierOptionsDto;
  occurrenceId: string;
  teamIds: string[];
}

const pct = (r: number) => `${Math.round(r * 100)}%`;
const muted = "text-sm text-slate-600 dark:text-slate-400";

function Nothing({ children }: { children: React.ReactNode }) {
  return <p className={muted}>{children}</p>;
}

export function ActionList({ actions, label }: { actions: AgendaActionDto[]; label: string }) {
  return (
    <ul className="space-y-1 text-sm" aria-label={label}>
      {actions.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline gap-x-2">
          <TextLink href={`/actions/${a.id}`}>{a.title}</TextLink>
          <span className={muted}>
            {a.ownerName} · {a.dueOn ? `due ${formatDay(a.dueOn)}` : "no due date"}
            {a.fromDate && <> · agreed {formatDay(a.fromDate)}</>}
          </span>
          {a.overdue && <Badge tone="red">Overdue</Badge>}
          {a.status !== "OPEN" && <Badge>{a.status === "DONE" ? "Done" : "Dropped"}</Badge>}
        </li>
      ))}
    </ul>
  );
}

function Quote({ f }: { f: AgendaFeedbackDto }) {
  return (
    <figure className="text-sm">
      <blockquote className="border-l-4 border-slate-300 pl-3 italic dark:border-slate-600">
        <TextLink href={`/feedback/${f.id}`}>“{f.quote}”</TextLink>
      </blockquote>
      <figcaption className={muted}>
        {f.customer || "A customer"} · {formatDay(f.receivedOn)} · {f.sentiment.toLowerCase()}
      </figcaption>
    </figure>
  );
}

/** The live part of one agenda item: the period's figures for the ritual's scope. */
export function AgendaSectionContent({
  item,
  content: c,
  clinic,
}: {
  item: AgendaItemDto;
  content: AgendaContentDto;
  clinic?: ClinicTools;
}) {
  switch (item.section) {
    case "CARRIED_ACTIONS":
      return (
        <div className="space-y-3" data-testid="carried-actions">
          {c.carried.length === 0 ? (
            <Nothing>No action from earlier meetings is open.</Nothing>
          ) : (
            <ActionList actions={c.carried} label="Open actions from earlier meetings" />
          )}
          {c.openActions.length > 0 && (
            <div>
              <p className="text-sm font-semibold">Also overdue in this scope</p>
              <ActionList actions={c.openActions} label="Other overdue actions" />
            </div>
          )}
        </div>
      );
    case "OPEN_ACTIONS":
      return c.openActions.length === 0 ? (
        <Nothing>No overdue action in this scope.</Nothing>
      ) : (
        <ActionList actions={c.openActions} label="Overdue actions" />
      );
    case "CUSTOMER_STORY": {
      const story = c.stories.find((s) => s.id === item.storyId);
      return story ? (
        <Quote f={story} />
      ) : (
        <Nothing>
          Choose the story to open with: a real customer helped or hurt by what we did.{" "}
          {c.stories.length === 0 && <TextLink href="/feedback/new">Record a customer story</TextLink>}
        </Nothing>
      );
    }
    case "ADOPTION_CHANGES":
      return c.changesSuppressed ? (
        <Nothing>
          {SUPPRESSION_TEXT[c.changesSuppressed]}: this ritual&apos;s team has fewer people than the minimum group size,
          so its adoption changes are not shown. <TextLink href="/privacy">Why</TextLink>
        </Nothing>
      ) : c.rises.length + c.falls.length === 0 ? (
        <Nothing>
          No behaviour moved with at least 5 opportunities in this period and the one before it.{" "}
          <TextLink href="/log">Log observations</TextLink> to see changes here.
        </Nothing>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="adoption-changes">
          {[...c.rises, ...c.falls].map((x) => (
            <li key={x.behaviourId} className="flex flex-wrap justify-between gap-2">
              <TextLink href={`/catalogue/${x.behaviourId}`}>{x.title}</TextLink>
              <span className="tabular-nums">
                {pct(x.before)} → {pct(x.after)}{" "}
                <strong>
                  ({x.changePts > 0 ? "+" : ""}
                  {x.changePts} points)
                </strong>
              </span>
            </li>
          ))}
        </ul>
      );
    case "TOP_BARRIERS":
      return c.barriers.length === 0 ? (
        <Nothing>
          No open barrier in this scope. <TextLink href="/barriers/new">Record what gets in the way</TextLink>
        </Nothing>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="agenda-barriers">
          {c.barriers.map((b) => (
            <li key={b.id}>
              <TextLink href={`/barriers/${b.id}`}>{b.title}</TextLink>
              <span className={muted}> · {b.priority !== null ? `priority ${b.priority}` : "not scored yet"}</span>
            </li>
          ))}
          {c.moreBarriers > 0 && (
            <li className={muted}>
              and {c.moreBarriers} more open barriers: <TextLink href="/barriers">all barriers</TextLink>
            </li>
          )}
        </ul>
      );
    case "METRICS_OFF_TRACK":
      return c.metrics.length === 0 ? (
        <Nothing>No customer-outcome metric of this scope is off track or at risk.</Nothing>
      ) : (
        <ul className="space-y-1 text-sm">
          {c.metrics.map((m) => (
            <li key={m.id}>
              <TextLink href={`/metrics/${m.id}`}>{m.name}</TextLink>{" "}
              <Badge tone={m.status === "OFF_TRACK" ? "red" : "amber"}>
                {m.status === "OFF_TRACK" ? "Off track" : "At risk"}
              </Badge>
              <span className={`block ${muted}`}>{m.summary}</span>
            </li>
          ))}
        </ul>
      );
    case "RECOGNITIONS":
      return c.recognitions.length === 0 ? (
        <Nothing>
          Nobody in this scope was recognised in this period.{" "}
          <TextLink href="/recognition">Recognise a specific act</TextLink>
        </Nothing>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="agenda-recognitions">
          {c.recognitions.map((r) => (
            <li key={r.id}>
              <strong>{r.recipient}</strong>, for <em>{r.behaviourTitle}</em>: {r.act}
              <span className={`block ${muted}`}>
                {r.customerEffect} · from {r.giverName}, {formatDay(r.on)}
              </span>
            </li>
          ))}
        </ul>
      );
    case "FEEDBACK":
      return c.feedback.length === 0 ? (
        <Nothing>
          No customer feedback was recorded for this scope in this period.{" "}
          <TextLink href="/feedback/new">Record what a customer said</TextLink>
        </Nothing>
      ) : (
        <div className="space-y-3">
          {c.feedback.map((f) => (
            <Quote key={f.id} f={f} />
          ))}
          {c.moreFeedback > 0 && (
            <p className={muted}>
              and {c.moreFeedback} more: <TextLink href="/feedback">all feedback</TextLink>
            </p>
          )}
        </div>
      );
    case "PAIN_POINTS":
      return c.painPoints.length === 0 ? (
        <Nothing>No negative feedback in this period.</Nothing>
      ) : (
        <ul className="space-y-4" data-testid="pain-points">
          {c.painPoints.map((p) => (
            <li key={p.key} className="space-y-2">
              <p className="text-sm font-semibold">
                {p.href ? <TextLink href={p.href}>{p.label}</TextLink> : p.label}{" "}
                <span className="font-normal text-slate-600 dark:text-slate-400">
                  · {p.count} negative {p.count === 1 ? "item" : "items"}
                </span>
              </p>
              {p.feedback.map((f) => (
                <Quote key={f.id} f={f} />
              ))}
              {clinic && (
                <div className="print:hidden">
                  <TurnIntoBarrier
                    feedbackIds={p.feedbackIds}
                    quotes={p.feedback.map((f) => f.quote)}
                    behaviourIds={p.behaviourId ? [p.behaviourId] : []}
                    teamIds={clinic.teamIds}
                    options={clinic.options}
                    occurrenceId={clinic.occurrenceId}
                    backHref={`/rituals/meetings/${clinic.occurrenceId}`}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      );
    case "PROMPT":
    case "CUSTOM":
      return null;
  }
}

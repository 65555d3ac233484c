import { requireMemberPage } from "@/lib/server/context";
import { feedbackFormValues, feedbackOptions, getFeedback } from "@/lib/server/data/feedback";
import { barrierOptions } from "@/lib/server/data/barriers";
import { orNotFound } from "@/lib/server/pages";
import { can } from "@/lib/domain/roles";
import { SENTIMENT_LABELS, SOURCE_LABELS } from "@/lib/domain/feedback";
import { currentDay, dayOf, formatDay } from "@/lib/domain/dates";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { FeedbackForm } from "@/components/feedback/feedback-form";
import { DeleteFeedbackButton, StoryToggle } from "@/components/feedback/feedback-actions";
import { SENTIMENT_TONES } from "@/components/feedback/feedback-list";
import { TurnIntoBarrier } from "@/components/feedback/turn-into-barrier";

export const metadata = { title: "Customer feedback" };

const LINK_PATHS = { behaviours: "/catalogue", barriers: "/barriers", metrics: "/metrics", teams: "/teams" } as const;
const LINK_LABELS = { behaviours: "Behaviours", barriers: "Barriers", metrics: "Metrics", teams: "Teams" } as const;

export default async function FeedbackDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  const f = await orNotFound(getFeedback(ctx, id));
  const makeBarrier = can(ctx.role, "barriers.manage", ctx.policy);
  const seeMetrics = can(ctx.role, "dashboards.view", ctx.policy);
  const [options, barrierChoices] = await Promise.all([
    f.canEdit ? feedbackOptions(ctx) : null,
    makeBarrier ? barrierOptions(ctx) : null,
  ]);
  return (
    <article className="max-w-4xl space-y-5">
      <TextLink href="/feedback" className="text-sm">
        ← Customer feedback
      </TextLink>
      <header className="space-y-3">
        <h1 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
          What {f.customer || "a customer"} said
        </h1>
        <blockquote className="whitespace-pre-line break-words border-l-4 border-slate-300 pl-4 text-lg dark:border-slate-600">
          “{f.quote}”
        </blockquote>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <Badge tone={SENTIMENT_TONES[f.sentiment]}>{SENTIMENT_LABELS[f.sentiment]}</Badge>
          {f.isStory && <Badge tone="blue">Customer story</Badge>}
          <span>{[f.customer, SOURCE_LABELS[f.source], formatDay(f.receivedOn)].filter(Boolean).join(" · ")}</span>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Recorded by {f.createdByName} on {formatDay(dayOf(new Date(f.createdAt), ctx.displayTimeZone))}
        </p>
        {f.canEdit && (
          <div className="flex flex-wrap gap-2">
            <StoryToggle id={f.id} isStory={f.isStory} />
            <DeleteFeedbackButton id={f.id} />
          </div>
        )}
      </header>

      <Panel title="Linked to">
        {(["behaviours", "barriers", "metrics", "teams"] as const).every((k) => f[k].length === 0) ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Nothing yet.
            {f.canEdit
              ? " Edit the feedback to link it to the behaviours, barriers, metrics and teams it is about."
              : ""}
          </p>
        ) : (
          (["behaviours", "barriers", "metrics", "teams"] as const).map((k) =>
            f[k].length ? (
              <p key={k} className="text-sm">
                <span className="font-medium">{LINK_LABELS[k]}: </span>
                {f[k].map((x, i) => (
                  <span key={x.id}>
                    {i > 0 && ", "}
                    {k === "metrics" && !seeMetrics ? (
                      x.name
                    ) : (
                      <TextLink href={`${LINK_PATHS[k]}/${x.id}`}>{x.name}</TextLink>
                    )}
                  </span>
                ))}
              </p>
            ) : null,
          )
        )}
      </Panel>

      {barrierChoices && (
        <TurnIntoBarrier
          feedbackIds={[f.id]}
          quotes={[f.quote]}
          behaviourIds={f.behaviours.map((b) => b.id)}
          teamIds={f.teams.map((t) => t.id)}
          options={barrierChoices}
          backHref={`/feedback/${f.id}`}
        />
      )}

      {options && (
        <details className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-semibold">Edit feedback</summary>
          <div className="mt-4">
            <FeedbackForm
              mode="edit"
              id={f.id}
              version={f.version}
              initial={feedbackFormValues(f)}
              options={options}
              today={currentDay(ctx.timeZone)}
            />
          </div>
        </details>
      )}
    </article>
  );
}

import type { FeedbackRowDto } from "@/lib/schemas/feedback";
import { SENTIMENT_LABELS, SOURCE_LABELS, type Sentiment } from "@/lib/domain/feedback";
import { formatDay } from "@/lib/domain/dates";
import { Badge, type Tone } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";

export const SENTIMENT_TONES: Record<Sentiment, Tone> = { NEGATIVE: "red", MIXED: "amber", POSITIVE: "green" };

export function FeedbackList({ rows }: { rows: FeedbackRowDto[] }) {
  return (
    <ul className="space-y-3" data-testid="feedback-list">
      {rows.map((r) => {
        const links = [...r.behaviours, ...r.barriers, ...r.metrics, ...r.teams].map((l) => l.name);
        return (
          <li
            key={r.id}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <blockquote className="line-clamp-4 whitespace-pre-line break-words">
              <TextLink href={`/feedback/${r.id}`}>“{r.quote}”</TextLink>
            </blockquote>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
              <Badge tone={SENTIMENT_TONES[r.sentiment]}>{SENTIMENT_LABELS[r.sentiment]}</Badge>
              {r.isStory && <Badge tone="blue">Story</Badge>}
              <span>{[r.customer, SOURCE_LABELS[r.source], formatDay(r.receivedOn)].filter(Boolean).join(" · ")}</span>
              {links.length > 0 && <span className="break-words">Linked to {links.join(", ")}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

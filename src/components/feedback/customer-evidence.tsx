import type { BarrierFeedbackDto } from "@/lib/schemas/feedback";
import { SENTIMENT_LABELS, SENTIMENTS, SOURCE_LABELS } from "@/lib/domain/feedback";
import { formatDay } from "@/lib/domain/dates";
import { TextLink } from "@/components/ui/text-link";

/** A barrier's customer evidence: counts by sentiment and the customers' own words, newest first. */
export function CustomerEvidence({ evidence, barrierId }: { evidence: BarrierFeedbackDto; barrierId: string }) {
  if (evidence.total === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No customer feedback is linked yet. Link what customers said from{" "}
        <TextLink href="/feedback">Customer feedback</TextLink>, or turn a pain point into a barrier from there.
      </p>
    );
  return (
    <div className="space-y-3">
      <p className="text-sm tabular-nums" data-testid="feedback-counts">
        {evidence.total} {evidence.total === 1 ? "item" : "items"}:{" "}
        {SENTIMENTS.map((s) => `${evidence.counts[s]} ${SENTIMENT_LABELS[s].toLowerCase()}`).join(" · ")}
      </p>
      <ul className="space-y-2 text-sm" data-testid="customer-evidence">
        {evidence.items.map((i) => (
          <li key={i.id}>
            <TextLink href={`/feedback/${i.id}`} className="whitespace-pre-line break-words">
              “{i.quote}”
            </TextLink>{" "}
            <span className="text-xs text-slate-500 dark:text-slate-400">
              —{" "}
              {[i.customer, SOURCE_LABELS[i.source], SENTIMENT_LABELS[i.sentiment], formatDay(i.receivedOn)]
                .filter(Boolean)
                .join(", ")}
            </span>
          </li>
        ))}
      </ul>
      {evidence.total > evidence.items.length && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The newest {evidence.items.length} of {evidence.total} are shown.{" "}
          <TextLink href={`/feedback?barrier=${barrierId}`}>See all {evidence.total}</TextLink>
        </p>
      )}
    </div>
  );
}

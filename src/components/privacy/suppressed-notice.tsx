import { SUPPRESSION_TEXT, tooFewPeopleReason, type SuppressionReason } from "@/lib/domain/group-size";
import { TextLink } from "@/components/ui/text-link";

/**
 * Stands where a figure would be when its group is too small to show (docs/decisions/039): says so, says why,
 * and points to the privacy page that explains the rule. Never a zero, never an empty chart.
 */
export function SuppressedNotice({
  title,
  reason,
  minGroupSize,
  testId,
}: {
  /** A heading of its own; none when it sits inside a titled section. */
  title?: string;
  reason: SuppressionReason;
  minGroupSize: number;
  testId?: string;
}) {
  return (
    <section
      className="rounded-lg border border-dashed border-slate-400 p-4 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300"
      data-testid={testId ?? "suppressed"}
    >
      {title && <h2 className="mb-1 text-base font-semibold">{title}</h2>}
      <p>
        <span className="font-medium">{SUPPRESSION_TEXT[reason]}</span>.{" "}
        {reason === "small"
          ? tooFewPeopleReason(minGroupSize)
          : `A smaller team beside it is hidden (fewer than ${minGroupSize} people), and this team's figures with the total would give that team's away.`}{" "}
        <TextLink href="/privacy">How Conduct protects people</TextLink>
      </p>
    </section>
  );
}

/** Above a breakdown that hides some teams: how many, and why. */
export function HiddenTeamsNote({ hidden, minGroupSize }: { hidden: number; minGroupSize: number }) {
  if (hidden === 0) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="hidden-teams-note">
      {hidden === 1 ? "1 team is hidden" : `${hidden} teams are hidden`}: {tooFewPeopleReason(minGroupSize)}{" "}
      <TextLink href="/privacy">Why</TextLink>
    </p>
  );
}

/** In place of one figure (a table cell, a line of a list): what is hidden and why, linking to the rule. */
export function HiddenFigures({ reason }: { reason: SuppressionReason }) {
  return (
    <span className="text-slate-600 dark:text-slate-400" data-testid="hidden-figures">
      {SUPPRESSION_TEXT[reason]} (<TextLink href="/privacy">why</TextLink>)
    </span>
  );
}

import type { InterventionEvidenceDto } from "@/lib/schemas/barriers";
import { dayOf, formatDay, type TimeZone } from "@/lib/domain/dates";
import { BeforeAfterFigures } from "@/components/barriers/before-after";
import { HiddenFigures } from "@/components/privacy/suppressed-notice";

/**
 * The evidence a barrier was marked removed on, frozen at that moment; its figures are hidden when its teams
 * are now too few people to show (docs/decisions/039), though the removal stands.
 */
export function RemovalEvidence({
  evidence,
  timeZone,
  withTeams = false,
  testId,
}: {
  evidence: InterventionEvidenceDto & { markedAt: string };
  timeZone: TimeZone;
  withTeams?: boolean;
  testId: string;
}) {
  return (
    <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
      <p className="mb-2 text-sm font-medium">
        Marked removed on {formatDay(dayOf(new Date(evidence.markedAt), timeZone))}, on the evidence of “
        {evidence.title}”{withTeams && ` (${evidence.teamNames.join(", ")})`}:
      </p>
      {evidence.result ? (
        <BeforeAfterFigures result={evidence.result} windows={evidence.windows} testId={testId} />
      ) : (
        <p className="text-sm" data-testid={testId}>
          Its figures are hidden now: <HiddenFigures reason={evidence.suppressed ?? "small"} />.
        </p>
      )}
    </div>
  );
}

import type { RecognitionDto } from "@/lib/schemas/recognition";
import { EmptyState } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { RecognitionList } from "./recognition-list";

/**
 * "Wins: recognised behaviours" for a standup, a check-in or a ritual's agenda: the recognitions
 * of the period (from recognitionsIn), and how many more there were. Reads only: nothing to moderate here.
 */
export function RecognitionWins({
  rows,
  more,
  period,
  moreHref = "/recognition",
}: {
  rows: RecognitionDto[];
  more: number;
  /** In words, e.g. "the last 28 days", "since the last meeting". */
  period: string;
  moreHref?: string;
}) {
  if (rows.length === 0)
    return (
      <EmptyState>
        Nobody was recognised in {period}. Thank a colleague or a team for a specific act:{" "}
        <TextLink href="/recognition#recognise">recognise someone</TextLink>.
      </EmptyState>
    );
  return (
    <>
      <p className="text-xs text-slate-600 dark:text-slate-400">Recognitions given in {period}, newest first.</p>
      <RecognitionList rows={rows} compact testId="recognised-wins" />
      {more > 0 && (
        <p className="text-sm">
          {more} more in {period}. <TextLink href={moreHref}>See them on the recognition feed</TextLink>
        </p>
      )}
    </>
  );
}

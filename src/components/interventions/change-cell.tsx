import { formatRate } from "@/lib/domain/adoption";
import type { BeforeAfter } from "@/lib/domain/interventions";
import type { SuppressionReason } from "@/lib/domain/group-size";
import { HiddenFigures } from "@/components/privacy/suppressed-notice";

/** Adoption before → since, with the counts and the change in points; a table cell. */
export function ChangeCell({
  result,
  suppressed,
}: {
  result: BeforeAfter | null;
  suppressed?: SuppressionReason | null;
}) {
  if (!result && suppressed)
    return (
      <td className="p-2 text-right">
        <HiddenFigures reason={suppressed} />
      </td>
    );
  if (!result) return <td className="p-2 text-right text-slate-600 dark:text-slate-400">not started</td>;
  const { before, after, changePts } = result;
  return (
    <td className="p-2 text-right whitespace-nowrap">
      {formatRate(before.rate)} → {formatRate(after.rate)}
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        {before.performed} of {before.opportunities} → {after.performed} of {after.opportunities}
        {changePts !== null && ` · ${changePts > 0 ? "+" : ""}${changePts} points`}
      </span>
    </td>
  );
}

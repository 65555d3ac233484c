import type { TargetVerdict } from "@/lib/domain/outcomes";
import { KIND_LABELS, type METRIC_KINDS } from "@/lib/schemas/metrics";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, STATUS_TONES } from "./metric-labels";

/** Customer outcomes stand out (green); internal process measures are grey: the audit's point, visible everywhere. */
export function KindBadge({ kind }: { kind: (typeof METRIC_KINDS)[number] }) {
  return <Badge tone={kind === "CUSTOMER_OUTCOME" ? "green" : "slate"}>{KIND_LABELS[kind]}</Badge>;
}

/** The status and, always beside it, the rule that produced it: a colour alone explains nothing. */
export function MetricStatus({ verdict, testId }: { verdict: TargetVerdict; testId?: string }) {
  return (
    <div className="space-y-1" data-testid={testId}>
      <Badge tone={STATUS_TONES[verdict.status]}>{STATUS_LABELS[verdict.status]}</Badge>
      <p className="max-w-xs text-xs text-slate-700 dark:text-slate-300">{verdict.reason}</p>
      {verdict.rule !== verdict.reason && (
        <details className="max-w-xs text-xs text-slate-600 dark:text-slate-400">
          <summary className="cursor-pointer">The rule</summary>
          {verdict.rule}
        </details>
      )}
    </div>
  );
}

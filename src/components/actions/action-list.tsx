import { ACTION_STATUS_LABELS } from "@/lib/domain/actions";
import { formatDay } from "@/lib/domain/dates";
import type { ActionRowDto } from "@/lib/schemas/actions";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";

const TONE = { OPEN: "blue", DONE: "green", DROPPED: "slate" } as const;

/** Actions as a list that reads on a phone: title, owner, due day; overdue ones stand out. */
export function ActionList({ rows, label }: { rows: ActionRowDto[]; label: string }) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
    >
      {rows.map((a) => (
        <li
          key={a.id}
          className={`flex flex-wrap items-start justify-between gap-2 p-3 ${a.overdue ? "border-l-4 border-l-red-600" : ""}`}
        >
          <div className="min-w-0 space-y-1">
            <TextLink href={`/actions/${a.id}`} className="font-medium">
              {a.title}
            </TextLink>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {a.ownerName}
              {a.teamName && <> · {a.teamName}</>}
              {a.occurrenceLabel && <> · from {a.occurrenceLabel}</>}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {a.dueOn && (
              <span className={a.overdue ? "font-semibold text-red-700 dark:text-red-400" : ""}>
                due {formatDay(a.dueOn)}
              </span>
            )}
            {a.overdue && <Badge tone="red">Overdue</Badge>}
            {a.aboutBarrier && a.status === "OPEN" && <Badge tone="amber">Barrier evidence</Badge>}
            <Badge tone={TONE[a.status]}>{ACTION_STATUS_LABELS[a.status]}</Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}

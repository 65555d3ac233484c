import Link from "next/link";
import type { BarrierRowDto } from "@/lib/schemas/barriers";
import type { SortKey } from "@/lib/domain/barriers";
import { BARRIER_STATUS_LABELS, COMB_LABELS, DETERMINANT_LABELS } from "@/lib/domain/labels";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";

// The three factors are hidden on phones (the priority column carries their product).
const FACTOR = "hidden sm:table-cell";
const COLUMNS: { key: SortKey; label: string; numeric?: boolean; className?: string }[] = [
  { key: "title", label: "Barrier" },
  { key: "priority", label: "Priority", numeric: true },
  { key: "impact", label: "Impact", numeric: true, className: FACTOR },
  { key: "reach", label: "People", numeric: true, className: FACTOR },
  { key: "ease", label: "Ease", numeric: true, className: FACTOR },
  { key: "citations", label: "Cited (12 wk)", numeric: true },
  { key: "status", label: "Status" },
];

/** Barriers as a table; with `sortHref`, each column header is a link that sorts by it (kept in the URL). */
export function BarrierTable({
  rows,
  sort,
  sortHref,
}: {
  rows: (BarrierRowDto & { citations?: number })[];
  sort?: SortKey;
  sortHref?: (key: SortKey) => string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" data-testid="barrier-table">
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`p-2 font-medium ${c.numeric ? "text-right" : ""} ${c.className ?? ""}`}
                aria-sort={sort === c.key ? (c.numeric ? "descending" : "ascending") : undefined}
              >
                {sortHref ? (
                  <Link href={sortHref(c.key)} className="underline decoration-dotted underline-offset-2">
                    {c.label}
                    {sort === c.key && <span aria-hidden> {c.numeric ? "↓" : "↑"}</span>}
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((b) => (
            <tr key={b.id} className="align-top">
              <td className="p-2">
                <TextLink href={`/barriers/${b.id}`} className="font-medium">
                  {b.title}
                </TextLink>
                <div className="mt-1 flex flex-wrap gap-1">
                  <Badge tone="blue">{COMB_LABELS[b.comB] ?? b.comB}</Badge>
                  <Badge>{DETERMINANT_LABELS[b.determinant] ?? b.determinant}</Badge>
                  {b.fromSurvey && <Badge tone="green">From a survey</Badge>}
                </div>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  {b.behaviourTitles.join(", ")}
                  {b.teamNames.length > 0 && ` · ${b.teamNames.join(", ")}`}
                </p>
              </td>
              <td className="p-2 text-right text-base font-semibold tabular-nums">{b.priority ?? "–"}</td>
              <td className={`p-2 text-right tabular-nums ${FACTOR}`}>{b.impact ?? "–"}</td>
              <td className={`p-2 text-right tabular-nums ${FACTOR}`}>{b.reach ?? "–"}</td>
              <td className={`p-2 text-right tabular-nums ${FACTOR}`}>{b.ease ?? "–"}</td>
              <td className="p-2 text-right tabular-nums">{b.citations ?? 0}</td>
              <td className="p-2">
                <Badge tone={b.status === "REMOVED" ? "green" : b.status === "ACCEPTED" ? "slate" : "amber"}>
                  {BARRIER_STATUS_LABELS[b.status] ?? b.status}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

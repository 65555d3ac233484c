import { formatRate } from "@/lib/domain/adoption";
import type { TechniqueReport } from "@/lib/domain/technique-report";
import { counted } from "@/lib/domain/text";
import { TextLink } from "@/components/ui/text-link";

const signed = (n: number) => `${n > 0 ? "+" : ""}${n} points`;

/** Interventions counted by behaviour change technique, with their before/after effect. */
export function TechniqueTable({ report, selected }: { report: TechniqueReport; selected: string | null }) {
  if (report.rows.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No intervention records a behaviour change technique yet. Open an intervention&rsquo;s barrier and edit it to
        choose the techniques it uses.
      </p>
    );
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left dark:border-slate-700">
              <th scope="col" className="p-2">
                Technique
              </th>
              <th scope="col" className="p-2 text-right">
                Interventions
              </th>
              <th scope="col" className="p-2 text-right">
                Median change
              </th>
              <th scope="col" className="p-2 text-right">
                Rose / fell
              </th>
              <th scope="col" className="p-2 text-right">
                All their entries, before → since
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr
                key={r.id}
                className={`border-b border-slate-100 dark:border-slate-800 ${r.id === selected ? "bg-slate-100 dark:bg-slate-800" : ""}`}
              >
                <th scope="row" className="p-2 text-left font-normal">
                  <TextLink
                    href={`/interventions?technique=${encodeURIComponent(r.id)}`}
                    aria-current={r.id === selected ? "true" : undefined}
                  >
                    <span className="tabular-nums">{r.id}</span> {r.label}
                  </TextLink>
                </th>
                <td className="p-2 text-right tabular-nums">{r.interventions}</td>
                <td className="p-2 text-right tabular-nums">
                  {r.medianChangePts === null ? "–" : signed(r.medianChangePts)}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {r.measured === 0 ? "none with enough entries" : `${r.measured} with enough entries`}
                    {r.hidden > 0 && ` · ${r.hidden} hidden (too few people to show)`}
                  </span>
                </td>
                <td className="p-2 text-right tabular-nums">
                  {r.rose} / {r.fell}
                </td>
                <td className="p-2 text-right tabular-nums">
                  {formatRate(r.pooledBefore.rate)} → {formatRate(r.pooledAfter.rate)}
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {r.pooledBefore.performed} of {r.pooledBefore.opportunities} → {r.pooledAfter.performed} of{" "}
                    {r.pooledAfter.opportunities}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {report.untagged > 0 &&
          `${counted(report.untagged, "intervention records", "interventions record")} no technique. `}
        Each intervention compares adoption in its own teams for the same number of days before its start and since (at
        most 84). Observational: interventions usually combine techniques and their teams were not chosen at random, so
        a row shows what went with a technique, not what it caused.
      </p>
    </>
  );
}

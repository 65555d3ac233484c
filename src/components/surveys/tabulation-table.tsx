import type { TabulationDto } from "@/lib/schemas/surveys";
import { DETERMINANT_LABELS } from "@/lib/domain/labels";
import { formatP } from "@/lib/domain/surveys";
import { Badge } from "@/components/ui/badge";
import { MakeBarrierButton } from "./make-barrier-button";
import { TextLink } from "@/components/ui/text-link";

const n = (v: number | null, d = 2) => (v === null ? "–" : v.toFixed(d));

/** One row per response; significant ones are marked, and barrier-side ones can become barriers. */
export function TabulationTable({ surveyId, t }: { surveyId: string; t: TabulationDto }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm tabular-nums" data-testid="tabulation">
        <caption className="p-2 text-left text-xs text-slate-600 dark:text-slate-400">
          Doers {t.doers}, non-doers {t.nonDoers}; estimated relative risk at prevalence P ={" "}
          {Math.round(t.prevalence * 100)}%. † 0.5 was added to every cell (a cell was zero) for the odds ratio, its
          interval and the relative risk; p-values use the raw counts.
        </caption>
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="p-2 font-medium">
              Question and response
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              Doers
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              Non-doers
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              Odds ratio (95% CI)
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              ERR
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              p
            </th>
            <th scope="col" className="p-2 font-medium">
              Finding
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {t.rows.map((r) => {
            const s = r.stats;
            return (
              <tr
                key={r.optionId}
                className={s.significant ? "bg-amber-50 dark:bg-amber-950/40" : undefined}
                data-significant={s.significant ? "yes" : "no"}
              >
                <th scope="row" className="p-2 font-normal">
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {DETERMINANT_LABELS[r.determinant]} · {r.question}
                  </span>
                  <span className="font-medium">{r.response}</span>
                </th>
                <td className="p-2 text-right">
                  {s.doersWith}/{s.doersTotal}{" "}
                  <span className="block text-xs">{s.pctDoers === null ? "–" : `${s.pctDoers.toFixed(1)}%`}</span>
                </td>
                <td className="p-2 text-right">
                  {s.nonDoersWith}/{s.nonDoersTotal}{" "}
                  <span className="block text-xs">{s.pctNonDoers === null ? "–" : `${s.pctNonDoers.toFixed(1)}%`}</span>
                </td>
                <td className="p-2 text-right">
                  {n(s.oddsRatio)}
                  {s.corrected && <span title="0.5 added to every cell">†</span>}
                  <span className="block text-xs">
                    {n(s.orCiLow)}–{n(s.orCiHigh)}
                  </span>
                </td>
                <td className="p-2 text-right">{n(s.err)}</td>
                <td className="whitespace-nowrap p-2 text-right">
                  {formatP(s.pValue)}
                  <span className="block text-xs">{s.test === "Fisher exact" ? "Fisher" : s.test ? "χ² N−1" : ""}</span>
                </td>
                <td className="p-2">
                  {s.significant ? (
                    <Badge tone={s.direction === "barrier" ? "red" : "green"}>
                      {s.direction === "barrier" ? "Significant barrier" : "Significant enabler"}
                    </Badge>
                  ) : (
                    <span className="text-xs text-slate-500 dark:text-slate-400">not significant</span>
                  )}
                  {r.barrierId ? (
                    <TextLink href={`/barriers/${r.barrierId}`} className="mt-1 block text-xs">
                      In the register
                    </TextLink>
                  ) : (
                    s.significant &&
                    s.direction === "barrier" && (
                      <MakeBarrierButton
                        surveyId={surveyId}
                        optionId={r.optionId}
                        label={r.response}
                        question={r.question}
                      />
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

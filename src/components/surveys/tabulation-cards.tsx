import type { TabulationDto } from "@/lib/schemas/surveys";
import { DETERMINANT_LABELS } from "@/lib/domain/labels";
import { formatP } from "@/lib/domain/surveys";
import { Finding, TabulationNote, num, pct, testName } from "./tabulation-parts";

/**
 * The tabulation on a phone: one card per response, its p-value and finding first (what a reader
 * acts on), then the counts and ratios as a definition list, so nothing needs sideways scrolling.
 */
export function TabulationCards({
  surveyId,
  t,
  className = "",
}: {
  surveyId: string;
  t: TabulationDto;
  className?: string;
}) {
  return (
    <section aria-label="Tabulation" className={`space-y-3 ${className}`} data-testid="tabulation-cards">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <TabulationNote t={t} />
      </p>
      <ul className="space-y-3">
        {t.rows.map((r) => {
          const s = r.stats;
          return (
            <li
              key={r.optionId}
              data-significant={s.significant ? "yes" : "no"}
              className={`rounded-lg border border-slate-200 p-3 text-sm tabular-nums dark:border-slate-800 ${
                s.significant ? "bg-amber-50 dark:bg-amber-950/40" : "bg-white dark:bg-slate-900"
              }`}
            >
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {DETERMINANT_LABELS[r.determinant]} · {r.question}
              </p>
              <p className="font-medium break-words">{r.response}</p>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-2">
                <div>
                  <dt className="text-xs text-slate-500 dark:text-slate-400">p</dt>
                  <dd data-testid="card-p">
                    {formatP(s.pValue)} <span className="text-xs">{testName(s.test)}</span>
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500 dark:text-slate-400">Finding</dt>
                  <dd data-testid="card-finding">
                    <Finding surveyId={surveyId} row={r} />
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500 dark:text-slate-400">Doers</dt>
                  <dd>
                    {s.doersWith}/{s.doersTotal} ({pct(s.pctDoers)})
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500 dark:text-slate-400">Non-doers</dt>
                  <dd>
                    {s.nonDoersWith}/{s.nonDoersTotal} ({pct(s.pctNonDoers)})
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500 dark:text-slate-400">Odds ratio (95% CI)</dt>
                  <dd>
                    {num(s.oddsRatio)}
                    {s.corrected && <span title="0.5 added to every cell">†</span>} ({num(s.orCiLow)}–{num(s.orCiHigh)})
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500 dark:text-slate-400">ERR</dt>
                  <dd>{num(s.err)}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

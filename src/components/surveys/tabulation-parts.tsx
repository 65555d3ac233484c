import type { TabulationDto } from "@/lib/schemas/surveys";
import type { TestName } from "@/lib/domain/barrier-stats";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { MakeBarrierButton } from "./make-barrier-button";

// What the table and the phone's cards of the tabulation both show, written once.

export const num = (v: number | null, d = 2) => (v === null ? "–" : v.toFixed(d));
export const pct = (v: number | null) => (v === null ? "–" : `${v.toFixed(1)}%`);
export const testName = (test: TestName | null | undefined) =>
  test === "Fisher exact" ? "Fisher" : test ? "χ² N−1" : "";

type Row = TabulationDto["rows"][number];

export function TabulationNote({ t }: { t: TabulationDto }) {
  return (
    <>
      Doers {t.doers}, non-doers {t.nonDoers}; estimated relative risk at prevalence P ={" "}
      {Math.round(t.prevalence * 100)}%. † 0.5 was added to every cell (a cell was zero) for the odds ratio, its
      interval and the relative risk; p-values use the raw counts.
    </>
  );
}

/** Significant or not, and the way to the barrier register for a significant barrier-side response. */
export function Finding({ surveyId, row: r }: { surveyId: string; row: Row }) {
  const s = r.stats;
  return (
    <>
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
          <MakeBarrierButton surveyId={surveyId} optionId={r.optionId} label={r.response} question={r.question} />
        )
      )}
    </>
  );
}

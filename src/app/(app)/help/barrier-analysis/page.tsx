import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { DEFAULT_PREVALENCE, MIN_GROUP, SIGNIFICANCE } from "@/lib/domain/barrier-stats";
import { APEASE_CRITERIA, FUNCTION_LABELS, suggestedFunctions, MAX_WINDOW_DAYS } from "@/lib/domain/interventions";
import { COMB_LABELS } from "@/lib/domain/labels";
import { PRIORITY_FORMULA } from "@/lib/domain/barriers";
import { MIN_OPPORTUNITIES } from "@/lib/domain/adoption";

export const metadata = { title: "How barrier analysis works" };

const Formula = ({ children }: { children: React.ReactNode }) => (
  <code className="block overflow-x-auto rounded bg-slate-100 p-2 text-sm dark:bg-slate-800">{children}</code>
);

// The formulas as the code computes them (src/lib/domain/barrier-stats.ts, interventions.ts).
export default async function BarrierAnalysisHelpPage() {
  await requireMemberPage();
  return (
    <article className="prose-sm max-w-3xl space-y-5">
      <PageHeader
        title="How barrier analysis works"
        description="The figures Conduct shows for barriers, surveys and interventions, and exactly how each is computed."
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Doers and non-doers</h2>
        <p>
          Screening questions classify each respondent: excluded if any screening response excludes them, a non-doer if
          any says non-doer, a doer only when every screening response says doer. For each response to a determinant
          question, a = doers who gave it, c = doers who did not, b = non-doers who gave it, d = non-doers who did not.
          Excluded respondents are left out. Aim for at least {MIN_GROUP} doers and {MIN_GROUP} non-doers; with fewer,
          the page warns.
        </p>
        <Formula>% doers = a / (a + c) · % non-doers = b / (b + d) · odds ratio = (a·d) / (b·c)</Formula>
        <p>95% confidence interval of the odds ratio, Woolf (log) method:</p>
        <Formula>exp( ln OR ± 1.96 · √(1/a + 1/b + 1/c + 1/d) )</Formula>
        <p>
          Estimated relative risk, with the behaviour&apos;s estimated prevalence P (
          {Math.round(DEFAULT_PREVALENCE * 100)}% when unknown), p1 = a / doers and p0 = b / non-doers:
        </p>
        <Formula>
          P(doer | response) = P·p1 / (P·p1 + (1−P)·p0) · P(doer | no response) = P·(1−p1) / (P·(1−p1) + (1−P)·(1−p0)) ·
          ERR = P(doer | response) / P(doer | no response)
        </Formula>
        <p>ERR above 1 marks an enabler (the response goes with doing the behaviour), below 1 a barrier.</p>
        <p>
          When any cell is zero, 0.5 is added to all four cells before the odds ratio, its interval and the ERR are
          computed (then p1 = (a+0.5)/(doers+1), p0 = (b+0.5)/(non-doers+1)); the table marks such rows with †.
        </p>
        <p>
          p-value, always from the raw counts, with N = a+b+c+d: the “N−1” chi-square test (Campbell 2007), with one
          degree of freedom,
        </p>
        <Formula>χ² = (a·d − b·c)² · (N − 1) / ((a+b)(c+d)(a+c)(b+d))</Formula>
        <p>
          switching to Fisher&apos;s exact test when any expected cell count (row total × column total / N) is below 5.
          Fisher&apos;s test is two-sided: the sum of the probabilities of all tables with the same margins that are no
          more likely than the observed one. A response is significant at p &lt; {SIGNIFICANCE}.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Priority</h2>
        <Formula>priority = {PRIORITY_FORMULA}</Formula>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Intervention functions (Behaviour Change Wheel)</h2>
        <ul className="list-disc pl-5">
          {Object.entries(COMB_LABELS).map(([k, label]) => (
            <li key={k}>
              {label}:{" "}
              {suggestedFunctions(k as Parameters<typeof suggestedFunctions>[0])
                .map((f) => FUNCTION_LABELS[f].toLowerCase())
                .join(", ")}
            </li>
          ))}
        </ul>
        <p>
          Each intervention is appraised with APEASE: {APEASE_CRITERIA.map((c) => c.label.toLowerCase()).join(", ")}{" "}
          (1–5 each).
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Before and after</h2>
        <p>
          After = from the intervention&apos;s start to today (at most {MAX_WINDOW_DAYS} days); before = the same number
          of days just before the start. Adoption = performed / opportunities in the behaviour&apos;s teams; a rate
          needs at least {MIN_OPPORTUNITIES} opportunities. The teams it was not rolled out to are the comparison group;
          difference in differences = the rolled-out teams&apos; change minus the comparison teams&apos; change. A
          barrier can be marked removed only when adoption in the intervention&apos;s teams rose from before to after.
        </p>
      </section>
    </article>
  );
}

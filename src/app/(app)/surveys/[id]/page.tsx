import Link from "next/link";
import { redirect } from "next/navigation";
import { requireMemberPage } from "@/lib/server/context";
import { surveyTabulation } from "@/lib/server/data/surveys";
import { orNotFound } from "@/lib/server/pages";
import { can } from "@/lib/domain/roles";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { TabulationTable } from "@/components/surveys/tabulation-table";
import { SurveyStatusButton } from "@/components/surveys/make-barrier-button";
import { LocalTime } from "@/components/ui/local-time";
import { TextLink } from "@/components/ui/text-link";
import { SurveyClosingForm } from "@/components/surveys/closing-form";
import { currentDay } from "@/lib/domain/dates";
import { closingLabel } from "@/lib/domain/survey-closing";

export const metadata = { title: "Survey" };

export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ imported?: string }>;
}) {
  const { id } = await params;
  const { imported } = await searchParams;
  const ctx = await requireMemberPage();
  // Members answer; the results are for the people who act on them.
  if (!can(ctx.role, "barriers.manage", ctx.policy)) redirect(`/surveys/${id}/respond`);
  const t = await orNotFound(surveyTabulation(ctx, id));
  const s = t.survey;
  const today = currentDay(ctx.timeZone);
  const significant = t.rows.filter((r) => r.stats.significant).length;
  return (
    <article className="space-y-5">
      <TextLink href="/surveys" className="text-sm">
        ← Surveys
      </TextLink>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{s.title}</h1>
          <Badge tone={s.closed ? "slate" : "green"}>{closingLabel(s, today)}</Badge>
          {s.anonymous && <Badge>Anonymous</Badge>}
        </div>
        <p className="text-sm">
          About <TextLink href={`/catalogue/${s.behaviour.id}`}>{s.behaviour.title}</TextLink>: {s.behaviour.sentence}
        </p>
        {imported && (
          <p
            role="status"
            className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
          >
            Imported {imported} respondents.
          </p>
        )}
        <p className="text-sm tabular-nums" data-testid="survey-counts">
          {s.counts.doers} doers · {s.counts.nonDoers} non-doers · {s.counts.excluded} excluded ({s.counts.fromApp}{" "}
          answered in the app, {s.counts.imported} imported)
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/surveys/${id}/respond`} className={buttonClass("secondary")}>
            Share link to answer
          </Link>
          <Link href={`/surveys/${id}/import`} className={buttonClass("secondary")}>
            Import responses (CSV)
          </Link>
          <a href={`/surveys/${id}/export`} className={buttonClass("secondary")} download>
            Export tabulation (CSV)
          </a>
          {!s.deidentifiedAt && <SurveyStatusButton surveyId={id} status={s.closed ? "CLOSED" : "OPEN"} />}
        </div>
        {s.deidentifiedAt ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Its answers keep no link to the people who gave them since <LocalTime iso={s.deidentifiedAt} />, a week
            after it closed, so it cannot reopen. Make a new survey to ask again.
          </p>
        ) : (
          <SurveyClosingForm surveyId={id} closesOn={s.closesOn} today={today} />
        )}
      </header>

      <section aria-labelledby="tab-heading" className="space-y-3">
        <h2 id="tab-heading" className="text-lg font-semibold">
          Tabulation: {significant} significant response{significant === 1 ? "" : "s"}
        </h2>
        {t.warning && (
          <p
            role="note"
            className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            {t.warning}
          </p>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          A response is significant at p &lt; 0.05. An estimated relative risk (ERR) above 1 marks an enabler, below 1 a
          barrier.{" "}
          <Link href="/help/barrier-analysis" className="underline">
            How each figure is computed
          </Link>
          .
        </p>
        {t.doers + t.nonDoers === 0 ? (
          <p className="text-sm">No responses yet: share the link or import a file.</p>
        ) : (
          <TabulationTable surveyId={id} t={t} />
        )}
      </section>
    </article>
  );
}

import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listSurveys } from "@/lib/server/data/surveys";
import { can } from "@/lib/domain/roles";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";
import { currentDay } from "@/lib/domain/dates";
import { closingLabel } from "@/lib/domain/survey-closing";

export const metadata = { title: "Surveys" };

export default async function SurveysPage() {
  const ctx = await requireMemberPage();
  const surveys = await listSurveys(ctx);
  const manage = can(ctx.role, "barriers.manage", ctx.policy);
  const visible = manage ? surveys : surveys.filter((s) => !s.closed);
  const today = currentDay(ctx.timeZone);
  return (
    <>
      <PageHeader
        title="Doer / non-doer surveys"
        description="Barrier Analysis: ask the people who do a behaviour and the people who do not the same questions, and see which answers differ."
      >
        <div className="flex flex-wrap gap-2">
          <Link href="/help/barrier-analysis" className={buttonClass("secondary")}>
            How the statistics work
          </Link>
          {manage && (
            <Link href="/surveys/new" className={buttonClass()}>
              New survey
            </Link>
          )}
        </div>
      </PageHeader>
      {visible.length === 0 ? (
        <EmptyState>
          {manage ? (
            <>
              No surveys yet. <TextLink href="/surveys/new">Create one</TextLink> for a behaviour whose adoption is
              stuck, to find out what separates the people who do it from those who do not.
            </>
          ) : (
            "No survey is open for you to answer right now. When a manager opens one for you, it appears here."
          )}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {visible.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <TextLink href={manage ? `/surveys/${s.id}` : `/surveys/${s.id}/respond`} className="font-medium">
                  {s.title}
                </TextLink>
                <p className="text-sm text-slate-600 dark:text-slate-400">{s.behaviourTitle}</p>
              </div>
              <div className="flex items-center gap-2 text-sm">
                {manage && <span className="tabular-nums">{s.respondents} respondents</span>}
                <Badge tone={s.closed ? "slate" : "green"}>{closingLabel(s, today)}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

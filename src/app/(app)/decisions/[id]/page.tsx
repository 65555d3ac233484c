import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getDecision } from "@/lib/server/data/decisions";
import { orNotFound } from "@/lib/server/pages";
import { can } from "@/lib/domain/roles";
import { dayOf, formatDay } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";

export const metadata = { title: "Decision" };

export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMemberPage();
  const { id } = await params;
  const d = await orNotFound(getDecision(ctx, id));
  const recorder = can(ctx.role, "decisions.record", ctx.policy);
  return (
    <>
      <PageHeader title={d.title}>
        <div className="flex flex-wrap gap-2">
          {recorder && (
            <Link
              href={`/decisions/${d.id}/edit`}
              className={buttonClass(d.status === "DRAFT" ? "primary" : "secondary")}
            >
              {d.status === "DRAFT" ? "Answer the open questions" : "Edit"}
            </Link>
          )}
          <Link href="/decisions" className={buttonClass("ghost")}>
            Decision log
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-4">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {d.status === "DECIDED" ? (
            <>
              <Badge tone="green">Decided</Badge>
              by {d.decidedByName ?? "a former member"}
              {d.decidedAt && <> on {formatDay(dayOf(new Date(d.decidedAt), ctx.displayTimeZone))}</>}
            </>
          ) : (
            <>
              <Badge tone="amber">Draft</Badge>
              {d.unanswered === 1 ? "One anchor question is" : `${d.unanswered} anchor questions are`} unanswered: this
              is not a decision yet.
            </>
          )}
          {d.teamName && <> · {d.teamName}</>}
          {d.ritualTitle && d.occurrenceDate && (
            <>
              {" "}
              · {d.ritualTitle}, {formatDay(d.occurrenceDate)}
            </>
          )}
          {d.behaviourTitle && <> · about “{d.behaviourTitle}”</>}
        </p>
        {d.detail && <p className="whitespace-pre-line">{d.detail}</p>}
        <section
          aria-labelledby="answers-heading"
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="answers-heading" className="mb-3 text-lg font-semibold">
            Anchor questions
          </h2>
          <dl className="space-y-3">
            {d.answers.map((a, i) => (
              <div key={i}>
                <dt className="text-sm font-semibold">{a.question}</dt>
                <dd className="whitespace-pre-line text-sm">
                  {a.answer || <span className="text-amber-800 dark:text-amber-300">Unanswered</span>}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}

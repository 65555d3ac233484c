import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getBarrier, missedNotes } from "@/lib/server/data/barriers";
import { orNotFound } from "@/lib/server/pages";
import { can } from "@/lib/domain/roles";
import { nextStatuses, PRIORITY_FORMULA, type BarrierStatus } from "@/lib/domain/barriers";
import { BARRIER_STATUS_LABELS, COMB_LABELS, DETERMINANT_LABELS, FEASIBILITY_LABELS } from "@/lib/domain/labels";
import { formatP } from "@/lib/domain/surveys";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { DeleteButton } from "@/components/ui/delete-button";
import { buttonClass } from "@/components/ui/button-class";
import { BarrierStatusForm } from "@/components/barriers/status-form";
import { BeforeAfterFigures } from "@/components/barriers/before-after";
import { RemovalEvidence } from "@/components/barriers/removal-evidence";
import { HiddenFigures } from "@/components/privacy/suppressed-notice";
import { dayOf, formatDay } from "@/lib/domain/dates";
import { TextLink } from "@/components/ui/text-link";
import { barrierFeedback } from "@/lib/server/data/feedback-evidence";
import { CustomerEvidence } from "@/components/feedback/customer-evidence";
import { SuggestedApproaches } from "@/components/barriers/suggested-approaches";
import type { ComB } from "@/lib/domain/interventions";
import { barrierCitations, CITATION_WEEKS } from "@/lib/server/data/barrier-citations";
import { CitationCounts } from "@/components/barriers/citation-counts";
import { interventionComparisons } from "@/lib/server/data/intervention-comparison";
import { InterventionComparison } from "@/components/barriers/intervention-comparison";

export const metadata = { title: "Barrier" };

export default async function BarrierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  const b = await orNotFound(getBarrier(ctx, id));
  const [notes, said, cited, compared] = await Promise.all([
    missedNotes(
      ctx,
      b.behaviours.map((x) => x.id),
      b.teams.map((t) => t.id),
    ),
    barrierFeedback(ctx, b.id),
    barrierCitations(ctx, b.id),
    interventionComparisons(ctx, b.id),
  ]);
  const manage = can(ctx.role, "barriers.manage", ctx.policy);
  const s = b.statistics;
  return (
    <article className="max-w-4xl space-y-5">
      <TextLink href="/barriers" className="text-sm">
        ← Barriers
      </TextLink>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{b.title}</h1>
          <Badge tone={b.status === "REMOVED" ? "green" : "amber"}>{BARRIER_STATUS_LABELS[b.status]}</Badge>
        </div>
        <p>{b.description}</p>
        <div className="flex flex-wrap gap-1">
          <Badge tone="blue">COM-B: {COMB_LABELS[b.comB]}</Badge>
          <Badge>Determinant: {DETERMINANT_LABELS[b.determinant]}</Badge>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">{FEASIBILITY_LABELS[b.feasibility]}</p>
        {manage && (
          <div className="flex flex-wrap gap-2">
            <Link href={`/barriers/${b.id}/edit`} className={buttonClass("secondary")}>
              Edit and score
            </Link>
            <Link href={`/barriers/${b.id}/interventions/new`} className={buttonClass("secondary")}>
              Plan an intervention
            </Link>
            <DeleteButton type="barrier" id={b.id} noun="barrier" />
          </div>
        )}
      </header>

      <Panel title="Priority">
        {b.priority === null ? (
          <p className="text-sm">
            Not scored yet{manage ? ": edit the barrier to score impact, people affected and ease of removal." : "."}
          </p>
        ) : (
          <p data-testid="barrier-priority">
            <strong className="text-2xl tabular-nums">{b.priority}</strong> = impact {b.impact} × people affected{" "}
            {b.reach} × ease of removal {b.ease}
            <span className="block text-xs text-slate-600 dark:text-slate-400">Priority = {PRIORITY_FORMULA}</span>
          </p>
        )}
      </Panel>

      <Panel title="Cited on missed entries">
        <CitationCounts counts={cited} weeks={CITATION_WEEKS} />
      </Panel>

      <Panel title="Where it applies">
        <p className="text-sm">
          <span className="font-medium">Behaviours: </span>
          {b.behaviours.map((x, i) => (
            <span key={x.id}>
              {i > 0 && ", "}
              <TextLink href={`/catalogue/${x.id}`}>{x.title}</TextLink>
            </span>
          ))}
        </p>
        <p className="text-sm">
          <span className="font-medium">Teams: </span>
          {b.teams.length ? b.teams.map((t) => t.name).join(", ") : "every team"}
        </p>
      </Panel>

      <Panel title="Evidence">
        {b.evidence ? (
          <p className="whitespace-pre-line text-sm">{b.evidence}</p>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">None recorded yet.</p>
        )}
        {s && (
          <div className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800" data-testid="survey-statistics">
            <p className="font-medium">
              From the survey{" "}
              {b.survey ? <TextLink href={`/surveys/${b.survey.id}`}>{b.survey.title}</TextLink> : "(deleted)"}: “
              {s.response}” to “{s.question}”
            </p>
            <p className="tabular-nums">
              Doers {s.doersWith} of {s.doersTotal} · non-doers {s.nonDoersWith} of {s.nonDoersTotal} · odds ratio{" "}
              {s.oddsRatio?.toFixed(2)} (95% CI {s.orCiLow?.toFixed(2)}–{s.orCiHigh?.toFixed(2)}) · estimated relative
              risk {s.err?.toFixed(2)} at P = {Math.round(s.prevalence * 100)}% · p {formatP(s.pValue)} ({s.test})
              {s.corrected && " · 0.5 added to every cell (a cell was zero)"}
            </p>
          </div>
        )}
        {notes.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer">What people noted when the behaviour was missed (last 90 days)</summary>
            <ul className="mt-2 space-y-1" data-testid="missed-notes">
              {notes.map((n) => (
                <li key={n.id}>
                  “{n.note}”{" "}
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    — {n.team}, {formatDay(n.day)}
                    {b.behaviours.length > 1 && `, ${n.behaviour}`}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Recorded by {b.createdByName} on {formatDay(dayOf(new Date(b.createdAt), ctx.displayTimeZone))}
        </p>
      </Panel>

      <Panel title="What customers said">
        <CustomerEvidence evidence={said} barrierId={b.id} />
      </Panel>

      <Panel title="Interventions and evidence of removal">
        {b.removalEvidence && (b.removalEvidence.result || b.removalEvidence.suppressed) && (
          <RemovalEvidence
            evidence={b.removalEvidence}
            timeZone={ctx.displayTimeZone}
            withTeams
            testId="removal-evidence"
          />
        )}
        {b.comB && <SuggestedApproaches comB={b.comB as ComB} />}
        {b.interventions.length === 0 ? (
          <p className="text-sm">
            No intervention yet. A barrier is marked removed only when adoption rose after an intervention started.
          </p>
        ) : (
          <ul className="space-y-4">
            {b.interventions.map((i) => (
              <li
                key={i.interventionId}
                className="space-y-2 border-t border-slate-200 pt-3 first:border-0 first:pt-0 dark:border-slate-800"
              >
                <p className="text-sm">
                  <TextLink href={`/interventions/${i.interventionId}`} className="font-medium">
                    {i.title}
                  </TextLink>{" "}
                  · starts {formatDay(i.startDate)} · {i.teamNames.join(", ")}
                </p>
                {i.result ? (
                  <BeforeAfterFigures result={i.result} windows={i.windows} />
                ) : i.suppressed ? (
                  <p className="text-sm">
                    <HiddenFigures reason={i.suppressed} />
                  </p>
                ) : (
                  <p className="text-sm text-slate-600 dark:text-slate-400">Not started yet.</p>
                )}
              </li>
            ))}
          </ul>
        )}
        <InterventionComparison rows={compared} />
        {manage && (
          <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
            <BarrierStatusForm id={b.id} next={nextStatuses(b.status as BarrierStatus)} />
          </div>
        )}
      </Panel>
    </article>
  );
}
